package com.ytempire.monitoring.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Polls the health of event sourcing and keeps it in gauges: the head of the event store,
 * how far each event processor of this node is behind it (in events and in seconds), the
 * progress of a replay, live sagas and dead letters.
 * <p>
 * Polled on a timer, not on each scrape, so a scrape never waits on the database and
 * several scrapers cost the database nothing more. A failed poll keeps the last values
 * and is logged: metrics must not take the application down with them.
 */
class EventStoreHealth implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EventStoreHealth.class);

	private static final String HEAD = "SELECT coalesce(max(globalIndex), -1) FROM DomainEventEntry";

	private static final String FIRST_AFTER = "SELECT timeStamp FROM DomainEventEntry WHERE globalIndex > ?"
			+ " ORDER BY globalIndex LIMIT 1";

	private final MeterRegistry registry;

	private final JdbcTemplate jdbc;

	private final Supplier<EventProcessingConfiguration> processors;

	private final Duration interval;

	private final Map<String, ProcessorLag> lags = new ConcurrentHashMap<>();

	private volatile long head = -1;

	private volatile long sagas;

	private volatile long deadLetters;

	private ScheduledExecutorService scheduler;

	EventStoreHealth(MeterRegistry registry, JdbcTemplate jdbc, Supplier<EventProcessingConfiguration> processors,
			Duration interval) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.processors = processors;
		this.interval = interval;
		Gauge.builder("eventstore.head.position", this, (health) -> health.head)
			.description("Global index of the newest event in the event store")
			.register(registry);
		Gauge.builder("sagas.live", this, (health) -> health.sagas)
			.description("Sagas that have not ended")
			.register(registry);
		Gauge.builder("dead.letters", this, (health) -> health.deadLetters)
			.description("Events parked in the dead-letter queue after their handler failed")
			.register(registry);
	}

	void poll() {
		try {
			this.head = this.jdbc.queryForObject(HEAD, Long.class);
			this.sagas = this.jdbc.queryForObject("SELECT count(*) FROM SagaEntry", Long.class);
			this.deadLetters = this.jdbc.queryForObject("SELECT count(*) FROM DeadLetterEntry", Long.class);
			EventProcessingConfiguration configuration = this.processors.get();
			if (configuration != null) {
				configuration.eventProcessors().forEach((name, processor) -> {
					if (processor instanceof StreamingEventProcessor streaming) {
						measure(name, streaming.processingStatus().values());
					}
				});
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not poll the event store's health; the metrics keep their last values", ex);
		}
	}

	private void measure(String name, Collection<EventTrackerStatus> segments) {
		// Segments claimed by other nodes are not here: those nodes export their own lag.
		if (segments.isEmpty()) {
			return;
		}
		long slowest = segments.stream()
			.map(EventTrackerStatus::getCurrentPosition)
			.mapToLong((position) -> position.orElse(-1))
			.min()
			.orElse(-1);
		long behind = Math.max(0, this.head - slowest);
		ProcessorLag lag = this.lags.computeIfAbsent(name, this::register);
		lag.events = behind;
		lag.seconds = (behind > 0) ? secondsSince(firstEventAfter(slowest)) : 0;
		lag.replayProgress = replayProgress(segments);
	}

	private Instant firstEventAfter(long position) {
		List<String> timestamps = this.jdbc.queryForList(FIRST_AFTER, String.class, position);
		return timestamps.isEmpty() ? null : Instant.parse(timestamps.get(0));
	}

	private static double secondsSince(Instant instant) {
		return (instant != null) ? Math.max(0, Duration.between(instant, Instant.now()).toMillis() / 1000d) : 0;
	}

	// A replaying segment is done when its position reaches the one it had when reset;
	// Axon's replay flag only clears with the next new event, so positions decide.
	private static double replayProgress(Collection<EventTrackerStatus> segments) {
		double progress = 1;
		for (EventTrackerStatus segment : segments) {
			OptionalLong reset = segment.getResetPosition();
			long current = segment.getCurrentPosition().orElse(0);
			if (reset.isPresent() && reset.getAsLong() > 0 && current < reset.getAsLong()) {
				progress = Math.min(progress, (double) current / reset.getAsLong());
			}
		}
		return progress;
	}

	private ProcessorLag register(String name) {
		ProcessorLag lag = new ProcessorLag();
		Gauge.builder("eventprocessor.lag.events", lag, (value) -> value.events)
			.description("Events in the event store that the processor has not handled yet")
			.tag("processor", name)
			.register(this.registry);
		Gauge.builder("eventprocessor.lag.seconds", lag, (value) -> value.seconds)
			.description("Age of the oldest event the processor has not handled yet")
			.tag("processor", name)
			.register(this.registry);
		Gauge.builder("eventprocessor.replay.progress", lag, (value) -> value.replayProgress)
			.description("Share of a replay done, from 0 to 1; 1 when not replaying")
			.tag("processor", name)
			.register(this.registry);
		return lag;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "event-store-health");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::poll, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.scheduler.shutdownNow();
		this.scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/** Held here, strongly: Micrometer keeps only weak references to a gauge's object. */
	private static final class ProcessorLag {

		private volatile long events;

		private volatile double seconds;

		private volatile double replayProgress = 1;

	}

}
