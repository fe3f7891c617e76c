package com.ytempire.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the binaries on the class path, with its data in a
 * folder that survives restarts. Unless told otherwise it commits durably: fsync and
 * synchronous_commit on.
 */
final class EmbeddedDatabase implements DatabaseEndpoint {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private final boolean durable;

	private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, boolean durable) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.durable = durable;
	}

	static EmbeddedDatabase start(DatabaseProperties.Embedded settings) throws IOException {
		Path dataDirectory = settings.dataDirectory().toAbsolutePath();
		Files.createDirectories(dataDirectory.getParent());
		stopOrphanedServer(dataDirectory);
		String onOff = settings.durable() ? "on" : "off";
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(settings.port())
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("fsync", onOff)
			.setServerConfig("synchronous_commit", onOff)
			.setServerConfig("full_page_writes", onOff)
			.setServerConfig("max_connections", "200")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
		return new EmbeddedDatabase(postgres, dataDirectory, settings.durable());
	}

	/**
	 * A PostgreSQL left running by a process that was killed still holds the data folder.
	 * It has no clients any more, so a polite shutdown request finishes at once and keeps
	 * every committed transaction.
	 */
	private static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (NumberFormatException ex) {
			return;
		}
		ProcessHandle.of(pid)
			.filter((process) -> process.info().command().map((command) -> command.contains("postgres")).orElse(false))
			.ifPresent((process) -> {
				log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, dataDirectory);
				process.destroy();
				try {
					process.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException("PostgreSQL (pid " + pid + ") still holds " + dataDirectory
							+ "; stop it before starting the application", ex);
				}
			});
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return null;
	}

	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public String description() {
		String durability = this.durable ? "fsync=on, synchronous_commit=on" : "fsync=off (not durable)";
		return "embedded PostgreSQL in " + this.dataDirectory + " on 127.0.0.1:" + this.postgres.getPort() + " ("
				+ durability + ")";
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
