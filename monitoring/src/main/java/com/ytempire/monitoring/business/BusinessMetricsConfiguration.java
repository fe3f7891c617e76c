package com.ytempire.monitoring.business;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.common.transaction.NoTransactionManager;
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

	private static final int METRICS_BATCH_SIZE = 500;

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
					// The handlers only move in-memory meters: no transaction to open,
					// and large
					// batches, so counting events a second time stays cheap next to
					// storing them.
					(configuration, builder) -> builder.tokenStore(new InMemoryTokenStore())
						.transactionManager(NoTransactionManager.INSTANCE)
						.batchSize(METRICS_BATCH_SIZE)
						.initialSegmentCount(1)
						.initialToken((source) -> {
							TrackingToken head = source.createHeadToken();
							channels.loadUpTo((head != null) ? head.position().orElse(-1) : -1);
							return head;
						}));
	}

}
