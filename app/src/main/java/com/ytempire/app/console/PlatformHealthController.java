package com.ytempire.app.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ytempire.projections.rebuild.ProjectionRebuilds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event store's and the projections' health and the last backup, as this process
 * measures them for its metrics: the console shows the same figures the alert rules
 * watch, without a Prometheus server in between.
 */
@RestController
class PlatformHealthController {

	private final MeterRegistry registry;

	private final ObjectProvider<ProjectionRebuilds> rebuilds;

	PlatformHealthController(MeterRegistry registry, ObjectProvider<ProjectionRebuilds> rebuilds) {
		this.registry = registry;
		this.rebuilds = rebuilds;
	}

	@GetMapping("/api/v1/console/health")
	Map<String, Object> health() {
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("asOf", Instant.now().toString());
		Long head = whole("eventstore.head.position");
		// Below zero until the first poll has read the store: unknown, not an empty
		// store.
		health.put("eventStoreHead", (head == null || head < 0) ? null : head);
		health.put("sagasLive", whole("sagas.live"));
		health.put("deadLetters", whole("dead.letters"));
		health.put("processors", processors());
		// What an admin can rebuild here: none where this process runs no projections.
		health.put("rebuildable", this.rebuilds.stream().flatMap((rebuilds) -> rebuilds.names().stream()).toList());
		Long backup = whole("ytempire.backup.last.success.timestamp");
		// Zero means no backup was ever taken (or none is configured), not 1970.
		health.put("lastBackupAt", (backup == null || backup == 0) ? null : Instant.ofEpochSecond(backup).toString());
		return health;
	}

	private List<Map<String, Object>> processors() {
		List<Map<String, Object>> processors = new ArrayList<>();
		for (Gauge events : this.registry.find("eventprocessor.lag.events").gauges()) {
			String name = events.getId().getTag("processor");
			Map<String, Object> processor = new LinkedHashMap<>();
			processor.put("name", name);
			processor.put("lagEvents", (long) events.value());
			processor.put("lagSeconds", tagged("eventprocessor.lag.seconds", name));
			processor.put("replayProgress", tagged("eventprocessor.replay.progress", name));
			processors.add(processor);
		}
		processors.sort(Comparator.comparing((processor) -> (String) processor.get("name")));
		return processors;
	}

	private Long whole(String name) {
		Gauge gauge = this.registry.find(name).gauge();
		return (gauge != null) ? (long) gauge.value() : null;
	}

	private Double tagged(String name, String processor) {
		Gauge gauge = this.registry.find(name).tag("processor", processor).gauge();
		return (gauge != null) ? gauge.value() : null;
	}

}
