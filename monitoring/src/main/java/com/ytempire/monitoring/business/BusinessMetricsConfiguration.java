package com.ytempire.monitoring.business;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.LoggingErrorHandler;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business metrics follow the events as this process commits them: a subscribing
 * processor, called in the committing thread, that moves in-memory meters once the
 * transaction has committed. Each node therefore counts the events it stored, and
 * Prometheus adds the nodes up; a second event stream read back from the database, with
 * its own threads and tokens, would cost a share of the command throughput for the same
 * figures, and count every event once more on every node.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "ytempire.monitoring.enabled", matchIfMissing = true)
class BusinessMetricsConfiguration {

	@Bean
	CostPerVideo costPerVideo(MeterRegistry registry) {
		return new CostPerVideo(registry, Clock.systemUTC());
	}

	@Bean
	VideoMetrics videoMetrics(MeterRegistry registry, CostPerVideo costPerVideo) {
		return new VideoMetrics(registry, costPerVideo);
	}

	@Bean
	ActiveChannels activeChannels(MeterRegistry registry, JdbcTemplate jdbc) {
		ActiveChannels channels = new ActiveChannels(registry, jdbc);
		channels.loadUpTo(Long.MAX_VALUE);
		return channels;
	}

	@Bean
	ConfigurerModule businessMetricsProcessor() {
		return (configurer) -> configurer.eventProcessing()
			.registerSubscribingEventProcessor(VideoMetrics.PROCESSING_GROUP)
			// A metric that cannot be updated must never fail the command that stored
			// the event.
			.registerListenerInvocationErrorHandler(VideoMetrics.PROCESSING_GROUP,
					(configuration) -> new LoggingErrorHandler());
	}

}
