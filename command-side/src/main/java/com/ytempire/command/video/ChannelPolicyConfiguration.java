package com.ytempire.command.video;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link ChannelPolicyUpdater} inside the transaction of the events it follows, and
 * lets its failures fail that transaction rather than be logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class ChannelPolicyConfiguration {

	@Bean
	ConfigurerModule channelPolicyProcessor() {
		return (configurer) -> configurer.eventProcessing()
			.registerSubscribingEventProcessor(ChannelPolicyUpdater.PROCESSING_GROUP)
			.registerListenerInvocationErrorHandler(ChannelPolicyUpdater.PROCESSING_GROUP,
					(configuration) -> PropagatingErrorHandler.instance());
	}

}
