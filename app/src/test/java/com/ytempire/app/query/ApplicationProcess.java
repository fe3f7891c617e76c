package com.ytempire.app.query;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.ytempire.app.YtEmpireApplication;

/**
 * The application in a JVM of its own, started from the test's class path on a data
 * folder that outlives it, so that a test can kill it the hard way and start it again.
 * Its embedded PostgreSQL listens on a fixed port, which lets the test look at the
 * database directly, also after the application died.
 */
public final class ApplicationProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final Path log;

	private final int httpPort;

	private final int databasePort;

	private ApplicationProcess(Process process, Path log, int httpPort, int databasePort) {
		this.process = process;
		this.log = log;
		this.httpPort = httpPort;
		this.databasePort = databasePort;
	}

	/**
	 * Starts the application and returns once it is ready for traffic.
	 * @param environment extra environment variables, such as the projections' batch size
	 */
	public static ApplicationProcess start(Path dataDirectory, int databasePort, String apiKeys,
			Map<String, String> environment, String logName) throws IOException, InterruptedException {
		int httpPort = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				YtEmpireApplication.class.getName(), "--server.port=" + httpPort,
				"--ytempire.data-dir=" + dataDirectory, "--ytempire.database.embedded.port=" + databasePort,
				"--ytempire.database.embedded.durable=true", "--ytempire.security.api-keys=" + apiKeys));
		Path log = dataDirectory.resolve(logName);
		Files.createDirectories(dataDirectory);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		ApplicationProcess application = new ApplicationProcess(builder.start(), log, httpPort, databasePort);
		try {
			application.awaitReady();
		}
		catch (IOException | RuntimeException | InterruptedException ex) {
			application.kill();
			throw ex;
		}
		return application;
	}

	public int httpPort() {
		return this.httpPort;
	}

	/** Where the application's standard output and error go. */
	public Path log() {
		return this.log;
	}

	/** A new connection to the application's database; the caller closes it. */
	public Connection database() throws SQLException {
		return connect(this.databasePort);
	}

	public static Connection connect(int databasePort) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", "");
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(60, TimeUnit.SECONDS);
	}

	/** A graceful stop, which also stops the embedded database. */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * Stops a PostgreSQL that a killed application left running on the data folder, if
	 * any: fast shutdown, then SIGKILL.
	 */
	public static void stopDatabaseLeftOn(Path dataDirectory) throws IOException, InterruptedException {
		Path pidFile = dataDirectory.resolve("pgdata").resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> postgres = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter((process) -> process.info().command().map((name) -> name.contains("postgres")).orElse(false));
		if (postgres.isPresent()) {
			ProcessHandle server = postgres.get();
			// SIGINT is PostgreSQL's fast shutdown: it does not wait for clients.
			new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
			try {
				server.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				server.destroyForcibly();
			}
		}
	}

	private void awaitReady() throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The application exited with " + this.process.exitValue() + " while starting:\n" + logTail());
			}
			try {
				HttpResponse<Void> response = client
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/health/readiness"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// starting
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The application was not ready within " + START_TIMEOUT + ":\n" + logTail());
	}

	String logTail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
