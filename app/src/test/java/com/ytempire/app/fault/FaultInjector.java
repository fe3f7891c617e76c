package com.ytempire.app.fault;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.ytempire.app.fault.PostgresServer.StopMode;

/**
 * Injects faults at random moments, one at a time, spread over the load: kills an
 * application process with SIGKILL and starts it again, or stops PostgreSQL in fast or
 * immediate mode and starts it again. The kinds take turns in a shuffled order, so each
 * comes about equally often. A process that exits without being killed is a finding: it
 * is counted and started again.
 */
final class FaultInjector {

	enum Fault {

		APP_SIGKILL("application process SIGKILL + restart"),

		POSTGRES_FAST("PostgreSQL stop -m fast + start"),

		POSTGRES_IMMEDIATE("PostgreSQL stop -m immediate + start");

		private final String description;

		Fault(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

	private final PostgresServer database;

	private final List<AppNode> nodes;

	private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);

	private final List<String> unexpectedExits = new ArrayList<>();

	FaultInjector(PostgresServer database, List<AppNode> nodes) {
		this.database = database;
		this.nodes = nodes;
		for (Fault fault : Fault.values()) {
			this.injected.put(fault, 0);
		}
	}

	/**
	 * Injects {@code count} faults spread over the given time, then waits out the rest of
	 * it; when restarts take longer than the time allows, the last faults come later.
	 * Everything is up again when it returns.
	 */
	void inject(Duration over, int count) throws IOException, InterruptedException {
		Instant start = Instant.now();
		Instant end = start.plus(over);
		Duration slot = over.dividedBy(Math.max(1, count));
		List<Fault> turns = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// A random moment in the fault's own slot, or at once when faults before it
			// ran over.
			Instant at = start.plus(slot.multipliedBy(i))
				.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, slot.toMillis() / 2)));
			sleepUntil(at);
			if (turns.isEmpty()) {
				turns.addAll(List.of(Fault.values()));
				Collections.shuffle(turns);
			}
			Fault fault = turns.remove(0);
			inject(fault);
			restartExitedNodes();
		}
		while (Instant.now().isBefore(end)) {
			restartExitedNodes();
			Thread.sleep(500);
		}
		restartExitedNodes();
	}

	private void inject(Fault fault) throws IOException, InterruptedException {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		switch (fault) {
			case APP_SIGKILL -> {
				AppNode node = this.nodes.get(random.nextInt(this.nodes.size()));
				node.kill();
				Thread.sleep(random.nextLong(1000));
				node.start();
			}
			case POSTGRES_FAST, POSTGRES_IMMEDIATE -> {
				this.database.stop((fault == Fault.POSTGRES_FAST) ? StopMode.FAST : StopMode.IMMEDIATE);
				Thread.sleep(500 + random.nextLong(2500));
				this.database.start();
			}
		}
		this.injected.merge(fault, 1, Integer::sum);
		System.out.printf("%s fault %s injected%n", Instant.now(), fault);
	}

	private void restartExitedNodes() throws IOException, InterruptedException {
		for (AppNode node : this.nodes) {
			if (node.exitedOnItsOwn()) {
				this.unexpectedExits.add(Instant.now() + " " + node.name());
				node.kill();
				node.start();
			}
		}
	}

	private static void sleepUntil(Instant at) throws InterruptedException {
		long millis = Duration.between(Instant.now(), at).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

	Map<Fault, Integer> injected() {
		return Map.copyOf(this.injected);
	}

	/** Processes that exited without being killed: each a defect to look into. */
	List<String> unexpectedExits() {
		return List.copyOf(this.unexpectedExits);
	}

}
