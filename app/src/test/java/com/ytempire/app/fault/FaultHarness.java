package com.ytempire.app.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The long fault run, started through the benchmark profile (see RELIABILITY.md):
 * {@code -Dfaults.minutes=} sets how long load and faults last, {@code -Dfaults.count=}
 * how many faults are injected, {@code -Dfaults.clients=} how many load clients send at
 * once, {@code -Dfaults.videos=} how many videos are scheduled (and produced) at most,
 * {@code -Dfaults.settle.minutes=} how long production may take to finish after the load.
 * It runs the packaged application jar that the build just made and exits with 1 when the
 * promise was broken.
 */
public final class FaultHarness {

	private FaultHarness() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(System.getProperty("ytempire.jar", "app/target/ytempire.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No application jar at " + jar + "; build it with mvn package first");
		}
		Path directory = jar.getParent()
			.resolve("fault-runs")
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		FaultRun run = new FaultRun(jar, directory, Duration.ofMinutes(Long.getLong("faults.minutes", 10)),
				Integer.getInteger("faults.count", 24), Integer.getInteger("faults.clients", 4),
				Integer.getInteger("faults.videos", 40), Integer.getInteger("faults.left-alone-percent", 50),
				Duration.ofMinutes(Long.getLong("faults.settle.minutes", 10)));
		System.out.printf("Fault run: %d min, %d faults, %d load clients, data in %s%n", run.load().toMinutes(),
				run.faults(), run.clients(), directory);
		FaultReport report = run.execute();
		System.out.println(report.table());
		if (!report.promiseKept()) {
			System.exit(1);
		}
	}

}
