package com.ytempire.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL another process (the running application) started on the data
 * folder: a command run beside it connects to it rather than starting a second one.
 */
record RunningEmbeddedDatabase(Path dataDirectory, int port) implements DatabaseEndpoint {

	/** The line of {@code postmaster.pid} that holds the server's port. */
	private static final int PORT_LINE = 3;

	static Optional<RunningEmbeddedDatabase> find(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() <= PORT_LINE) {
			return Optional.empty();
		}
		try {
			long pid = Long.parseLong(lines.get(0).strip());
			int port = Integer.parseInt(lines.get(PORT_LINE).strip());
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			return alive ? Optional.of(new RunningEmbeddedDatabase(dataDirectory, port)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return null;
	}

	@Override
	public String description() {
		return "embedded PostgreSQL in " + this.dataDirectory + " on 127.0.0.1:" + this.port + " (already running)";
	}

}
