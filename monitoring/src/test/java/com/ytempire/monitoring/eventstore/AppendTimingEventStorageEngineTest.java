package com.ytempire.monitoring.eventstore;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class AppendTimingEventStorageEngineTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final EventStorageEngine engine = mock(EventStorageEngine.class);

	private final BeanPostProcessor postProcessor = EventStoreMetricsConfiguration
		.appendTimingPostProcessor(new StaticListableBeanFactory(java.util.Map.of("registry", this.registry))
			.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));

	@Test
	void timesAndCountsAppends() {
		EventStorageEngine timed = (EventStorageEngine) this.postProcessor.postProcessAfterInitialization(this.engine,
				"eventStorageEngine");
		List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("a"),
				GenericEventMessage.asEventMessage("b"));
		timed.appendEvents(events);
		verify(this.engine).appendEvents(events);
		assertThat(this.registry.get("eventstore.append").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("eventstore.events.appended").counter().count()).isEqualTo(2);
		assertThat(this.postProcessor.postProcessAfterInitialization(timed, "again")).isSameAs(timed);
		assertThat(this.postProcessor.postProcessAfterInitialization("other", "other")).isEqualTo("other");
	}

	@Test
	void passesEverythingElseThrough() {
		EventStorageEngine timed = EventStoreMetricsConfiguration.timed(this.engine, this.registry);
		Instant at = Instant.now();
		timed.storeSnapshot(null);
		timed.readEvents(null, false);
		timed.readEvents("agg");
		timed.readEvents("agg", 3);
		timed.readSnapshot("agg");
		timed.lastSequenceNumberFor("agg");
		timed.createTailToken();
		timed.createHeadToken();
		timed.createTokenAt(at);
		verify(this.engine).storeSnapshot(null);
		verify(this.engine).readEvents(null, false);
		verify(this.engine).readEvents("agg");
		verify(this.engine).readEvents("agg", 3);
		verify(this.engine).readSnapshot("agg");
		verify(this.engine).lastSequenceNumberFor("agg");
		verify(this.engine).createTailToken();
		verify(this.engine).createHeadToken();
		verify(this.engine).createTokenAt(at);
	}

}
