package com.ytempire.projections.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * A rebuild's progress as metrics, so a dashboard or an alert can follow a long rebuild
 * as the status endpoint does: whether one is running, events replayed, events to replay
 * and the replay rate.
 */
@Component
class RebuildMetrics {

	RebuildMetrics(MeterRegistry registry, ProjectionRebuilds rebuilds) {
		Gauge.builder("projection.rebuild.running", rebuilds, (source) -> source.status().running() ? 1 : 0)
			.description("1 while a projection rebuild replays or swaps, else 0")
			.register(registry);
		Gauge.builder("projection.rebuild.events.done", rebuilds, (source) -> source.status().eventsDone())
			.description("Events the current or last rebuild has replayed")
			.register(registry);
		// Not "events.total": Prometheus reserves the _total suffix for counters.
		Gauge.builder("projection.rebuild.events.target", rebuilds, (source) -> source.status().eventsTotal())
			.description("Events the current or last rebuild has to replay")
			.register(registry);
		Gauge.builder("projection.rebuild.events.per.second", rebuilds, (source) -> source.status().eventsPerSecond())
			.description("Replay rate of the current or last rebuild")
			.register(registry);
	}

}
