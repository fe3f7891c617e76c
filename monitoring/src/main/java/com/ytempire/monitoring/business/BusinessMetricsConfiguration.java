package com.ytempire.monitoring.business;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business metrics run in their own pooled streaming processor that starts at the
 * head of the event store on every start, with its token kept in memory: they are live
 * figures of this process (Prometheus handles the counters restarting at zero), and
 * replaying years of history at each start would count old videos as new ones.
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
		return new ActiveChannels(registry, jdbc);
	}

	@Bean
	ConfigurerModule businessMetricsProcessor(ActiveChannels channels) {
		return (configurer) -> configurer.eventProcessing()
			.registerPooledStreamingEventProcessor(VideoMetrics.PROCESSING_GROUP, Configuration::eventStore,
					(configuration, builder) -> builder.tokenStore(new InMemoryTokenStore())
						.initialSegmentCount(1)
						.initialToken((source) -> {
							TrackingToken head = source.createHeadToken();
							channels.loadUpTo((head != null) ? head.position().orElse(-1) : -1);
							return head;
						}));
	}

}
