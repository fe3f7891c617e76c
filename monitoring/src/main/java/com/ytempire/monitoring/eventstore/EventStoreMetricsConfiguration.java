package com.ytempire.monitoring.eventstore;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Event sourcing health: append latency and count, measured around the storage engine
 * whichever module declares it, and the figures {@link EventStoreHealth} polls from the
 * database and the event processors.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "ytempire.monitoring.enabled", matchIfMissing = true)
class EventStoreMetricsConfiguration {

	private static final Duration[] APPEND_BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1) };

	// Static, and the registry looked up late: a post-processor is created before the
	// other beans, and must not pull the registry in before its own configuration is
	// done.
	@Bean
	static BeanPostProcessor appendTimingPostProcessor(ObjectProvider<MeterRegistry> registry) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof EventStorageEngine engine) || bean instanceof AppendTimingEventStorageEngine) {
					return bean;
				}
				return timed(engine, registry.getObject());
			}
		};
	}

	static AppendTimingEventStorageEngine timed(EventStorageEngine engine, MeterRegistry registry) {
		Timer appendTime = Timer.builder("eventstore.append")
			.description("Time to append one batch of events (one command's events) to the event store")
			.serviceLevelObjectives(APPEND_BUCKETS)
			.register(registry);
		Counter appended = Counter.builder("eventstore.events.appended")
			.description("Events appended to the event store by this process")
			.register(registry);
		return new AppendTimingEventStorageEngine(engine, appendTime, appended);
	}

	@Bean
	EventStoreHealth eventStoreHealth(MeterRegistry registry, JdbcTemplate jdbc,
			ObjectProvider<EventProcessingConfiguration> processors,
			@Value("${ytempire.monitoring.poll-interval:15s}") Duration interval) {
		return new EventStoreHealth(registry, jdbc, processors::getIfAvailable, interval);
	}

}
