package com.ytempire.app.fault;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.ytempire.app.fault.PostgresServer.StopMode;

/**
 * Injects faults at random moments, one at a time, spread over the load: kills an
 * application process with SIGKILL and starts it again, stops PostgreSQL in fast or
 * immediate mode and starts it again, or has a process that holds no projection's claim
 * rebuild every projection while the other one goes on projecting. The kinds take turns
 * in a shuffled order, so each comes about equally often. A process that exits without
 * being killed, or a rebuild that fails, is an incident: it is recorded (and the process
 * started again).
 */
final class FaultInjector {

	enum Fault {

		APP_SIGKILL("application process SIGKILL + restart"),

		POSTGRES_FAST("PostgreSQL stop -m fast + start"),

		POSTGRES_IMMEDIATE("PostgreSQL stop -m immediate + start"),

		PROJECTION_REBUILD("rebuild of every projection on one process, both serving");

		private final String description;

		Fault(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

	private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);

	private final PostgresServer database;

	private final List<AppNode> nodes;

	private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);

	private final List<String> incidents = new ArrayList<>();

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
			case PROJECTION_REBUILD -> {
				AppNode node = notProjecting();
				// Under load the live tables move on while they are compared: only a
				// rebuild
				// that fails is an incident here; the check after the run compares.
				Rebuild.Outcome outcome = new Rebuild(node).run(REBUILD_TIMEOUT);
				if (outcome.error() != null) {
					this.incidents.add(Instant.now() + " " + node.name() + ": " + outcome.error());
				}
			}
		}
		this.injected.merge(fault, 1, Integer::sum);
		System.out.printf("%s fault %s injected%n", Instant.now(), fault);
	}

	/**
	 * A process that holds none of the projections' claims, if there is one: its rebuild
	 * races the other process, which goes on projecting from its own position.
	 */
	private AppNode notProjecting() throws IOException {
		Set<String> owners = new HashSet<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT owner FROM TokenEntry WHERE owner IS NOT NULL")) {
			while (rows.next()) {
				owners.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not read the token claims", ex);
		}
		// Axon's JDBC token store names a claim's owner pid@host.
		return this.nodes.stream()
			.filter((node) -> owners.stream().noneMatch((owner) -> owner.startsWith(node.pid() + "@")))
			.findAny()
			.orElse(this.nodes.get(ThreadLocalRandom.current().nextInt(this.nodes.size())));
	}

	private void restartExitedNodes() throws IOException, InterruptedException {
		for (AppNode node : this.nodes) {
			if (node.exitedOnItsOwn()) {
				this.incidents.add(Instant.now() + " " + node.name() + " exited on its own");
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

	/**
	 * Processes that exited without being killed, rebuilds that failed: each a defect to
	 * look into.
	 */
	List<String> incidents() {
		return List.copyOf(this.incidents);
	}

}
