package com.ytempire.monitoring.business;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code cost_per_video} gauge: the average cost of the videos published in the last
 * hour. With none published in that hour it reads NaN (no data) rather than 0, which
 * would look like free videos on the dashboard and hide a stalled pipeline.
 */
class CostPerVideo {

	static final Duration WINDOW = Duration.ofHours(1);

	private final Clock clock;

	private final Deque<Completed> window = new ArrayDeque<>();

	CostPerVideo(MeterRegistry registry, Clock clock) {
		this.clock = clock;
		Gauge.builder("cost.per.video", this, CostPerVideo::average)
			.description("Average cost in dollars of the videos published in the last hour")
			.register(registry);
	}

	synchronized void completed(Instant at, double dollars) {
		this.window.addLast(new Completed(at, dollars));
	}

	synchronized double average() {
		Instant since = this.clock.instant().minus(WINDOW);
		this.window.removeIf((completed) -> completed.at().isBefore(since));
		return this.window.stream().mapToDouble(Completed::dollars).average().orElse(Double.NaN);
	}

	private record Completed(Instant at, double dollars) {
	}

}
