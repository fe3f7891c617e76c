package com.ytempire.app.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.ytempire.app.YtEmpireApplication;
import com.ytempire.app.database.CommandLineDatabase;
import com.ytempire.app.database.DatabaseEndpoint;
import com.ytempire.app.render.CommandLineGpu;
import com.ytempire.ops.OperatorCli;
import com.ytempire.ops.OperatorDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Backup, restore and the recovery drill over the benchmark's store, through the operator
 * command line as an operator runs them: each one's wall time, events per second and, for
 * the backup, megabytes per second of compressed output.
 */
final class RecoveryTimes {

	private final Supplier<OperatorDatabase> live;

	private final Consumer<String> note;

	RecoveryTimes(ConfigurableApplicationContext app, Consumer<String> note) {
		DatabaseEndpoint endpoint = app.getBean(DatabaseEndpoint.class);
		List<String> migrations = List
			.of(app.getEnvironment().getRequiredProperty("spring.flyway.locations", String[].class));
		this.live = () -> CommandLineDatabase.at(endpoint.jdbcUrl(), endpoint.username(), endpoint.password(),
				migrations);
		this.note = note;
	}

	void measure(long events) throws IOException {
		Path backups = Files.createTempDirectory("ytempire-backup-benchmark");
		try {
			double backup = timed("backup", this.live, "backup", backups.toString());
			long bytes = size(backups);
			this.note
				.accept(String.format("Full backup of %,d events: %.1f s, %,.0f events/s, %.1f MB written, %.1f MB/s",
						events, backup, events / backup, bytes / 1e6, bytes / 1e6 / backup));
			String target = "restore_benchmark";
			OperatorDatabase empty;
			try (OperatorDatabase live = this.live.get()) {
				empty = live.createSibling(target);
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
			try {
				double restore = timed("restore", () -> empty, "restore", backups.toString());
				this.note.accept(String.format("Restore of %,d events into an empty database: %.1f s, %,.0f events/s",
						events, restore, events / restore));
			}
			finally {
				drop(target);
			}
			StringWriter drillOutput = new StringWriter();
			double drill = timed("drill", this.live, drillOutput, "drill", backups.toString());
			this.note.accept(String.format(
					"Drill over %,d events (restore, replay by a second instance, compare):"
							+ " %.1f s wall; it reported: %s",
					events, drill,
					drillOutput.toString()
						.lines()
						.filter((line) -> line.startsWith("drill "))
						.findFirst()
						.orElse("?")));
		}
		finally {
			FileSystemUtils.deleteRecursively(backups);
		}
	}

	private double timed(String what, Supplier<OperatorDatabase> database, String... args) {
		return timed(what, database, new StringWriter(), args);
	}

	private double timed(String what, Supplier<OperatorDatabase> database, Writer out, String... args) {
		long start = System.nanoTime();
		int status = new OperatorCli(
				(serviceArgs) -> new SpringApplicationBuilder(YtEmpireApplication.class).run(serviceArgs), database,
				CommandLineGpu::probe, Clock.systemUTC(), new PrintWriter(out, true),
				new PrintWriter(Writer.nullWriter()))
			.execute(args);
		if (status != 0) {
			throw new IllegalStateException(what + " failed with status " + status + ": " + out);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private void drop(String database) {
		try (OperatorDatabase live = this.live.get()) {
			live.dropSibling(database);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long size(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

}
