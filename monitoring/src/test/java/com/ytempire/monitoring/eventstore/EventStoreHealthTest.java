package com.ytempire.monitoring.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.monitoring.EventStoreDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class EventStoreHealthTest {

	private static EventStoreDatabase database;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeAll
	static void start() {
		database = new EventStoreDatabase();
		Instant now = Instant.now();
		for (int i = 0; i < 10; i++) {
			database.append("c" + i, ChannelCreatedEvent.class, now.minusSeconds(100 - i * 10));
		}
		database.jdbc().update("INSERT INTO SagaEntry VALUES ('s1'), ('s2')");
		database.jdbc().update("INSERT INTO DeadLetterEntry VALUES ('d1')");
	}

	@AfterAll
	static void stop() throws Exception {
		database.close();
	}

	@Test
	void measuresHeadSagasDeadLettersAndTheLagOfEachProcessor() {
		EventProcessingConfiguration processors = processors(
				Map.of("projection", streaming(status(4, null)), "caught-up", streaming(status(10, null)),
						"subscribing", mock(EventProcessor.class), "elsewhere", streaming()));
		EventStoreHealth health = new EventStoreMetricsConfiguration().eventStoreHealth(this.registry, database.jdbc(),
				new org.springframework.beans.factory.support.StaticListableBeanFactory(
						Map.of("processors", processors))
					.getBeanProvider(EventProcessingConfiguration.class),
				Duration.ofSeconds(1));
		health.poll();

		assertThat(gauge("eventstore.head.position")).isEqualTo(10);
		assertThat(gauge("sagas.live")).isEqualTo(2);
		assertThat(gauge("dead.letters")).isEqualTo(1);
		assertThat(lag("eventprocessor.lag.events", "projection")).isEqualTo(6);
		// The oldest event the projection has not handled (index 5) was appended 60 s
		// ago.
		assertThat(lag("eventprocessor.lag.seconds", "projection")).isBetween(59.0, 90.0);
		assertThat(lag("eventprocessor.lag.events", "caught-up")).isZero();
		assertThat(lag("eventprocessor.lag.seconds", "caught-up")).isZero();
		assertThat(lag("eventprocessor.replay.progress", "projection")).isEqualTo(1);
		assertThat(this.registry.find("eventprocessor.lag.events").tag("processor", "elsewhere").gauge()).isNull();
	}

	@Test
	void reportsTheProgressOfAReplay() {
		EventStoreHealth health = new EventStoreHealth(this.registry, database.jdbc(),
				() -> processors(Map.of("rebuilding", streaming(status(2, 8L), status(6, 8L)))), Duration.ofSeconds(1));
		health.poll();
		assertThat(lag("eventprocessor.replay.progress", "rebuilding")).isEqualTo(0.25);
	}

	@Test
	void keepsTheLastValuesWhenThePollFails() {
		EventStoreHealth health = new EventStoreHealth(this.registry, database.jdbc(), () -> null,
				Duration.ofMillis(50));
		health.poll();
		EventStoreHealth broken = new EventStoreHealth(this.registry,
				new JdbcTemplate(new org.springframework.jdbc.datasource.SimpleDriverDataSource()), () -> null,
				Duration.ofMillis(50));
		broken.poll();
		assertThat(gauge("eventstore.head.position")).isEqualTo(10);
		health.start();
		assertThat(health.isRunning()).isTrue();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(gauge("sagas.live")).isEqualTo(2));
		health.stop();
		assertThat(health.isRunning()).isFalse();
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	private double lag(String name, String processor) {
		return this.registry.get(name).tag("processor", processor).gauge().value();
	}

	private static EventProcessingConfiguration processors(Map<String, EventProcessor> processors) {
		EventProcessingConfiguration configuration = mock(EventProcessingConfiguration.class);
		given(configuration.eventProcessors()).willReturn(processors);
		return configuration;
	}

	private static StreamingEventProcessor streaming(EventTrackerStatus... segments) {
		StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
		Map<Integer, EventTrackerStatus> status = new java.util.HashMap<>();
		for (int i = 0; i < segments.length; i++) {
			status.put(i, segments[i]);
		}
		given(processor.processingStatus()).willReturn(status);
		return processor;
	}

	private static EventTrackerStatus status(long position, Long resetAt) {
		EventTrackerStatus status = mock(EventTrackerStatus.class);
		given(status.getCurrentPosition()).willReturn(OptionalLong.of(position));
		given(status.getResetPosition())
			.willReturn((resetAt != null) ? OptionalLong.of(resetAt) : OptionalLong.empty());
		return status;
	}

}
