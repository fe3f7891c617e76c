package com.ytempire.app.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import com.ytempire.app.TestKeys;
import com.ytempire.render.tools.RequiredTool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blue-green scripts of {@code ops/deploy} on this machine: one PostgreSQL shared by
 * both colours, the repository's nginx configuration in a real nginx, and a client
 * sending reads and commands through nginx while {@code blue-green.sh} replaces blue by
 * green and {@code rollback.sh} puts blue back. Not one request may fail, and each
 * replaced colour's process must have exited.
 */
class BlueGreenDeploymentIT {

	private static final Path SCRIPTS = Path.of("..", "ops", "deploy").toAbsolutePath().normalize();

	private static final int REQUESTS_PER_SECOND = 250;

	private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);

	@TempDir
	Path work;

	@Test
	void switchesAndRollsBackWithoutFailingARequest() throws Exception {
		Optional<Path> nginxBinary = TestNginx.find();
		RequiredTool.assumeInstalled(nginxBinary.isPresent(), "nginx (Debian package nginx)");
		Path deployDir = this.work.resolve("deploy");
		ThrowAwayCertificate certificate = ThrowAwayCertificate.create(this.work.resolve("tls"));
		SSLContext tls = certificate.trustingIt();
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().setPort(TestNginx.freePort()).start();
				TestNginx nginx = TestNginx.start(nginxBinary.get(), SCRIPTS.resolve("nginx"),
						this.work.resolve("nginx"), certificate)) {
			Map<String, String> environment = environment(database.getPort(), nginx, deployDir);
			Path release = PackagedJar.path();
			try {
				runScript(environment, "blue-green.sh", release.toString());
				awaitServedThroughNginx(nginx.tlsPort(), tls);
				servesOnlyOverHttps(nginx, tls);
				long firstBlue = pid(deployDir, "blue");
				try (SteadyLoad load = SteadyLoad.start(nginx.tlsPort(), tls, REQUESTS_PER_SECOND)) {
					awaitSent(load, 500);
					load.enter("blue to green");
					long before = load.sent();
					Instant switchStart = Instant.now();
					runScript(environment, "blue-green.sh", release.toString());
					report("blue to green", load.sent() - before, switchStart);
					assertThat(Files.readString(deployDir.resolve("active")).strip()).isEqualTo("green");
					assertThat(hasExited(firstBlue)).as("blue's process has exited").isTrue();
					long green = pid(deployDir, "green");

					load.enter("rollback to blue");
					before = load.sent();
					Instant rollbackStart = Instant.now();
					runScript(environment, "rollback.sh");
					report("rollback", load.sent() - before, rollbackStart);
					assertThat(Files.readString(deployDir.resolve("active")).strip()).isEqualTo("blue");
					assertThat(hasExited(green)).as("green's process has exited").isTrue();
					assertThat(hasExited(pid(deployDir, "blue"))).as("blue runs again").isFalse();

					load.enter("after rollback");
					awaitSent(load, load.sent() + 200);
					load.close();
					System.out.println("Requests sent: " + load.sent() + ", of which commands: " + load.commands());
					assertThat(load.failed()).as("failed requests, the first of them: " + load.failures()).isZero();
				}
			}
			finally {
				stopColours(deployDir);
				System.out.println("nginx error log: " + nginx.errorLog());
			}
		}
	}

	private static Map<String, String> environment(int databasePort, TestNginx nginx, Path deployDir)
			throws IOException {
		Map<String, String> environment = new HashMap<>();
		environment.put("DATABASE_URL", "postgres://postgres@127.0.0.1:" + databasePort + "/postgres");
		environment.put("YTEMPIRE_API_KEYS", "deployer:admin:" + TestKeys.ADMIN + ",load:operator:" + TestKeys.OPERATOR
				+ ",reader:viewer:" + TestKeys.VIEWER);
		environment.put("YTEMPIRE_DATA_DIR", deployDir.resolveSibling("data").toString());
		environment.put("YTEMPIRE_DEPLOY_DIR", deployDir.toString());
		environment.put("YTEMPIRE_BLUE_PORT", Integer.toString(TestNginx.freePort()));
		environment.put("YTEMPIRE_GREEN_PORT", Integer.toString(TestNginx.freePort()));
		environment.put("YTEMPIRE_NGINX_CONF", nginx.configuration().toString());
		environment.put("YTEMPIRE_PROXY_PORT", Integer.toString(nginx.port()));
		environment.put("YTEMPIRE_DRAIN_SECONDS", "3");
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
		return environment;
	}

	private static void runScript(Map<String, String> environment, String script, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(SCRIPTS.resolve(script).toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		// Read while it runs, so that a full pipe never blocks the script.
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(script + " finished").isTrue();
		System.out.print(output);
		assertThat(process.exitValue()).as(script + " exit code; its output:\n" + output).isZero();
	}

	/**
	 * After the very first deployment nginx's old workers, whose upstream pointed at
	 * nothing, may still take a connection or two; the switches measured below start once
	 * every request is served. (At a later switch the old workers point at the old
	 * colour, which keeps serving until it is drained.)
	 */
	private static void awaitServedThroughNginx(int tlsPort, SSLContext tls) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort + "/health/readiness"))
			.build();
		Instant deadline = Instant.now().plusSeconds(60);
		int servedInARow = 0;
		while (servedInARow < 20) {
			assertThat(Instant.now()).as("nginx serves the first deployment").isBefore(deadline);
			int status = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
			servedInARow = (status == 200) ? servedInARow + 1 : 0;
			Thread.sleep(50);
		}
	}

	/**
	 * Plain HTTP answers with a redirect to HTTPS before any key could be sent in clear;
	 * HTTPS answers tell browsers never to use plain HTTP again, once.
	 */
	private static void servesOnlyOverHttps(TestNginx nginx, SSLContext tls) throws IOException, InterruptedException {
		HttpRequest plain = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + "/api/v1/overview?limit=5"))
			.header("Authorization", "Bearer " + TestKeys.VIEWER)
			.build();
		HttpResponse<Void> redirect = HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.discarding());
		assertThat(redirect.statusCode()).isEqualTo(301);
		assertThat(redirect.headers().firstValue("Location")).contains("https://127.0.0.1/api/v1/overview?limit=5");
		HttpRequest secure = HttpRequest
			.newBuilder(URI.create("https://127.0.0.1:" + nginx.tlsPort() + "/api/v1/overview"))
			.header("Authorization", "Bearer " + TestKeys.VIEWER)
			.build();
		HttpResponse<String> answer = HttpClient.newBuilder()
			.sslContext(tls)
			.build()
			.send(secure, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().allValues("Strict-Transport-Security"))
			.containsExactly("max-age=31536000; includeSubDomains");
	}

	private static void awaitSent(SteadyLoad load, long count) throws InterruptedException {
		while (load.sent() < count) {
			Thread.sleep(50);
		}
	}

	private static void report(String phase, long requests, Instant start) {
		Duration took = Duration.between(start, Instant.now());
		System.out.printf("%s: %d requests in %.1f s (%.0f/s)%n", phase, requests, took.toMillis() / 1000.0,
				requests * 1000.0 / Math.max(1, took.toMillis()));
	}

	private static long pid(Path deployDir, String colour) throws IOException {
		return Long.parseLong(Files.readString(deployDir.resolve(colour + ".pid")).strip());
	}

	/**
	 * Whether the process is gone. The scripts' processes are not the test's children:
	 * one that exited may linger as a zombie until its new parent reaps it, and counts as
	 * exited.
	 */
	private static boolean hasExited(long pid) throws IOException {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return ProcessHandle.of(pid).map((process) -> !process.isAlive()).orElse(true);
		}
		try {
			String line = Files.readString(stat);
			return line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
		}
		catch (IOException exitedMeanwhile) {
			return true;
		}
	}

	/** Whatever colour still runs after a failure would outlive the test. */
	private static void stopColours(Path deployDir) throws IOException, InterruptedException {
		for (String colour : List.of("blue", "green")) {
			if (Files.exists(deployDir.resolve(colour + ".pid"))) {
				long pid = pid(deployDir, colour);
				ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
				Instant deadline = Instant.now().plusSeconds(60);
				while (!hasExited(pid) && Instant.now().isBefore(deadline)) {
					Thread.sleep(200);
				}
			}
		}
	}

}
