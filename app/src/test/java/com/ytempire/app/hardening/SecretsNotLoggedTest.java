package com.ytempire.app.hardening;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.ytempire.app.YtEmpireApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application, configured as in production from its environment (API keys and an
 * external database with a password), is driven through commands, queries, failed
 * authentication, near-miss keys and errors, with its own debug logging on; everything it
 * writes to its log must be free of every key secret and of the database password.
 */
class SecretsNotLoggedTest {

	@Test
	void noSecretEverReachesTheLog() throws Exception {
		Path data = Path.of("target", "it-data", UUID.randomUUID().toString());
		Files.createDirectories(data);
		String password = "pw" + random();
		String admin = "ad" + random();
		String operator = "op" + random();
		String viewer = "vw" + random();
		List<String> secrets = List.of(password, admin, operator, viewer);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data.resolve("external-pg"))
			.setCleanDataDirectory(true)
			.start()) {
			try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("CREATE ROLE ytempire LOGIN PASSWORD '" + password + "'");
				connection.createStatement().execute("CREATE DATABASE ytempire OWNER ytempire");
			}
			Path log = data.resolve("application.log");
			int port = freePort();
			Process application = start(data, log, port,
					Map.of("DATABASE_URL",
							"postgres://ytempire:" + password + "@127.0.0.1:" + postgres.getPort() + "/ytempire",
							"YTEMPIRE_API_KEYS",
							"ops:admin:" + admin + ",scheduler:operator:" + operator + ",dashboard:viewer:" + viewer));
			try {
				awaitReady(port, application, log);
				exercise(port, admin, operator, viewer);
			}
			finally {
				application.destroy();
				if (!application.waitFor(60, TimeUnit.SECONDS)) {
					application.destroyForcibly().waitFor();
				}
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(output).as("the log was captured").contains("Event store database").contains("Started");
			for (String secret : secrets) {
				assertThat(output).doesNotContain(secret)
					.doesNotContain(secret.substring(0, 16))
					.doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
			}
		}
	}

	private static void exercise(int port, String admin, String operator, String viewer) throws Exception {
		Http http = new Http(port);
		String channel = "{\"name\":\"Secret " + UUID.randomUUID() + "\",\"niche\":\"n\",\"dailyVideoQuota\":2}";
		assertThat(http.send(Http.Call.of("POST", "/api/v1/channels", operator).json(channel)).status()).isEqualTo(201);
		assertThat(http.send(Http.Call.of("GET", "/api/v1/channels", viewer)).status()).isEqualTo(200);
		// Failed authentication: near misses of real keys, keys in the wrong place.
		for (String secret : List.of(admin, operator, viewer)) {
			http.send(Http.Call.of("GET", "/api/v1/overview", secret + "x"));
			http.send(Http.Call.of("GET", "/api/v1/overview", secret.substring(1)));
			http.send(Http.Call.of("GET", "/api/v1/overview", null)
				.withBody(null, Map.of("Authorization", "Basic " + secret), false));
			http.send(Http.Call.of("POST", "/api/v1/channels", viewer).json(channel));
			http.send(Http.Call.of("GET", "/api/v1/overview?key=" + secret, null));
		}
		// Errors: bad input, unknown ids, a poison path, a wrong method, maintenance.
		http.send(Http.Call.of("POST", "/api/v1/channels", operator).json("{\"name\":"));
		http.send(Http.Call.of("POST", "/api/v1/videos/no-such-video/cancel", operator).json("{}"));
		http.send(Http.Call.of("GET", "/api/v1/channels?niche=a%00b", viewer));
		http.send(Http.Call.of("DELETE", "/api/v1/channels", admin));
		http.send(Http.Call.of("GET", "/api/v1/admin/dead-letters", admin));
		http.send(Http.Call.of("GET", "/api/metrics", null));
	}

	private static Process start(Path data, Path log, int port, Map<String, String> environment) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				YtEmpireApplication.class.getName(), "--server.port=" + port, "--ytempire.data-dir=" + data,
				"--logging.level.com.ytempire=DEBUG", "--logging.level.org.springframework.security=DEBUG"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		return builder.start();
	}

	private static void awaitReady(int port, Process application, Path log) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			if (!application.isAlive()) {
				throw new IllegalStateException("The application exited: " + Files.readString(log));
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException starting) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The application did not get ready");
	}

	private static String random() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
