package com.ytempire.app.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ytempire.app.TestKeys;

/**
 * One run of the harness: a PostgreSQL of its own, two application processes on it, the
 * load mix sent to both while faults are injected, and after everything settled the audit
 * of the event store and of the read models.
 *
 * @param jar the application jar to run with {@code java -jar}
 * @param directory where the database, the processes' logs and data go
 * @param load how long the load and the faults last
 * @param faults how many faults to inject over that time
 * @param clients how many load clients send at once
 * @param videos how many videos the load schedules at most: each is produced (scripted,
 * voiced, illustrated, rendered, published) by the production saga, minutes of CPU on a
 * small machine
 * @param settle how long every scheduled video may take to reach a final event after the
 * load stopped
 */
record FaultRun(Path jar, Path directory, Duration load, int faults, int clients, int videos, int leftAlonePercent,
		Duration settle) {

	private static final int NODES = 2;

	private static final String API_KEYS = "ops:admin:" + TestKeys.ADMIN + ",scheduler:operator:" + TestKeys.OPERATOR
			+ ",dashboard:viewer:" + TestKeys.VIEWER;

	/** Pause of each load client between two requests. */
	private static final long PAUSE_MILLIS = 20;

	FaultReport execute() throws Exception {
		Files.createDirectories(this.directory);
		List<AppNode> nodes = new ArrayList<>();
		PostgresServer database = PostgresServer.start(this.directory.resolve("postgres"));
		Thread cleanUp = new Thread(() -> stopAll(nodes, database));
		Runtime.getRuntime().addShutdownHook(cleanUp);
		try {
			for (int n = 1; n <= NODES; n++) {
				AppNode node = new AppNode("node-" + n, this.jar, this.directory.resolve("node-" + n),
						environment(database, this.directory.resolve("shared")));
				nodes.add(node);
				// One after the other: the first one migrates the schema.
				node.start();
			}
			LoadMix load = new LoadMix(nodes, this.clients, PAUSE_MILLIS, this.videos, this.leftAlonePercent);
			FaultInjector injector = new FaultInjector(database, nodes);
			load.start();
			try {
				injector.inject(this.load, this.faults);
			}
			finally {
				load.stop();
			}
			SagaAudit.Result production = SagaAudit.await(database, this.settle);
			StoreAudit.Result commands;
			try (Connection connection = database.connect()) {
				commands = StoreAudit.read(connection).check(load.intents());
			}
			ReadModelCheck.Result readModels = ReadModelCheck.run(database, nodes.get(0));
			return new FaultReport(this.load, NODES, commands, load.queries(), injector.injected(),
					injector.incidents(), readModels, production);
		}
		finally {
			stopAll(nodes, database);
			Runtime.getRuntime().removeShutdownHook(cleanUp);
		}
	}

	/**
	 * What an operator sets: the database, the API keys and one media store for all nodes
	 * (a step may run on another node than the one before it); and production step limits
	 * that suit a run of minutes: a step whose worker was killed is tried again after a
	 * minute or three instead of half an hour.
	 */
	private static Map<String, String> environment(PostgresServer database, Path shared) {
		return Map.ofEntries(Map.entry("DATABASE_URL", database.databaseUrl()),
				Map.entry("YTEMPIRE_API_KEYS", API_KEYS),
				Map.entry("YTEMPIRE_MEDIA_DIR", shared.resolve("media").toString()),
				Map.entry("YTEMPIRE_OUTBOX_DIR", shared.resolve("outbox").toString()),
				Map.entry("YTEMPIRE_SCRIPT_TIMEOUT", "60s"), Map.entry("YTEMPIRE_VOICE_TIMEOUT", "60s"),
				Map.entry("YTEMPIRE_IMAGES_TIMEOUT", "120s"), Map.entry("YTEMPIRE_RENDER_TIMEOUT", "180s"),
				Map.entry("YTEMPIRE_PUBLISH_TIMEOUT", "60s"), Map.entry("YTEMPIRE_PRODUCTION_RETRY_DELAY", "2s"),
				Map.entry("YTEMPIRE_PRODUCTION_MAX_RETRY_DELAY", "10s"));
	}

	private static void stopAll(List<AppNode> nodes, PostgresServer database) {
		try {
			for (AppNode node : nodes) {
				node.stop();
			}
			database.close();
		}
		catch (Exception ex) {
			System.err.println("Could not stop everything the fault run started: " + ex);
		}
	}

}
