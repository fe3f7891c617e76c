package com.ytempire.app.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application process, started with {@code java -jar} on a fixed port and pointed at
 * the shared PostgreSQL with {@code DATABASE_URL}; it can be killed with SIGKILL and
 * started again on the same port.
 */
final class AppNode {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private final String name;

	private final Path jar;

	private final Path directory;

	private final Map<String, String> environment;

	private final int port;

	private volatile Process process;

	private volatile boolean up;

	private int starts;

	/**
	 * @param environment the database, the API keys and any other settings, as an
	 * operator sets them
	 */
	AppNode(String name, Path jar, Path directory, Map<String, String> environment) throws IOException {
		this.name = name;
		this.jar = jar;
		this.directory = directory;
		this.environment = Map.copyOf(environment);
		this.port = freePort();
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** Whether the load client should send to it: started, ready and not being killed. */
	boolean up() {
		return this.up;
	}

	/** Whether the process exited although the harness did not stop it. */
	boolean exitedOnItsOwn() {
		return this.up && !this.process.isAlive();
	}

	/** Starts the process and returns once it reports ready. */
	synchronized void start() throws IOException, InterruptedException {
		Files.createDirectories(this.directory);
		this.starts++;
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = this.directory.resolve("run-" + this.starts + ".log");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar", this.jar.toString(),
				"--server.port=" + this.port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(this.environment);
		builder.environment().put("YTEMPIRE_DATA_DIR", this.directory.resolve("data").toString());
		this.process = builder.start();
		awaitReady(log);
		this.up = true;
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
	synchronized void kill() throws InterruptedException {
		this.up = false;
		this.process.destroyForcibly();
		this.process.waitFor(60, TimeUnit.SECONDS);
	}

	/** A graceful stop. */
	synchronized void stop() throws InterruptedException {
		this.up = false;
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private void awaitReady(Path log) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(base() + "/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + " while starting:\n" + tail(log));
			}
			try {
				if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// still starting
			}
			Thread.sleep(250);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException(this.name + " was not ready within " + START_TIMEOUT + ":\n" + tail(log));
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
