package com.ytempire.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ytempire.app.query.ApplicationProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as an operator runs it with JSON logs switched on
 * ({@code YTEMPIRE_LOG_FORMAT=ecs}), in a JVM of its own so that its log format does not
 * spill into other tests' output: a request's id reaches its response, the log lines of
 * the command thread that handles it and the events it causes; every refusal is one audit
 * line without the key; and every line is JSON.
 */
class RequestLogTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static ApplicationProcess application;

	@BeforeAll
	static void start() throws Exception {
		Path data = Path.of("target", "it-data", UUID.randomUUID().toString());
		// Axon's command bus says at debug level which command it handles, on the thread
		// that handles it: a line that must carry the request's id.
		application = ApplicationProcess.start(data, ApplicationProcess.freePort(), TestKeys.CONFIGURATION,
				Map.of("YTEMPIRE_LOG_FORMAT", "ecs", "LOGGING_LEVEL_ORG_AXONFRAMEWORK_COMMANDHANDLING", "DEBUG"),
				"application.log");
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (application != null) {
			application.close();
		}
	}

	@Test
	void aRequestsIdReachesItsResponseItsCommandThreadAndItsEvents() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/channels"))
			.header("Authorization", "Bearer " + TestKeys.OPERATOR)
			.header("Content-Type", "application/json")
			.header("X-Request-Id", "abc-123")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"name\":\"Logged " + UUID.randomUUID() + "\",\"niche\":\"tech\",\"dailyVideoQuota\":1}")));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc-123");
		String channelId = JSON.readTree(response.body()).path("id").asString();
		assertThat(eventMetaData(channelId)).singleElement()
			.satisfies((metaData) -> assertThat(metaData.path("requestId").asString()).isEqualTo("abc-123"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(logLines())
				.filteredOn(
						(line) -> line.path("process").path("thread").path("name").asString().startsWith("command-"))
				.filteredOn((line) -> line.path("requestId").asString().equals("abc-123"))
				.isNotEmpty());
	}

	@Test
	void anIdThatIsNotShortAndPlainIsReplaced() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/channels"))
			.header("Authorization", "Bearer " + TestKeys.VIEWER)
			.header("X-Request-Id", "forged\" id"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(UUID.fromString(id)).isNotNull());
	}

	@Test
	void everyRefusalIsOneAuditLineThatNamesNoSecret() throws Exception {
		String wrongKey = "wrong-key-" + UUID.randomUUID();
		String unknown = refused(
				HttpRequest.newBuilder(uri("/api/v1/overview")).header("Authorization", "Bearer " + wrongKey), 401);
		String anonymous = refused(HttpRequest.newBuilder(uri("/api/v1/overview")), 401);
		String viewer = refused(HttpRequest.newBuilder(uri("/api/v1/channels"))
			.header("Authorization", "Bearer " + TestKeys.VIEWER)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")), 403);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(auditLines(unknown)).singleElement().satisfies((line) -> {
				assertThat(line.path("log").path("level").asString()).isEqualTo("WARN");
				assertThat(line.path("http").path("response").path("status_code").asInt()).isEqualTo(401);
				assertThat(line.path("http").path("request").path("method").asString()).isEqualTo("GET");
				assertThat(line.path("url").path("path").asString()).isEqualTo("/api/v1/overview");
				assertThat(line.path("client").path("address").asString()).isEqualTo("127.0.0.1");
				assertThat(line.path("user").path("name").asString()).isEqualTo("-");
				assertThat(line.path("event").path("reason").asString()).isEqualTo("unknown API key");
			});
			assertThat(auditLines(anonymous)).singleElement()
				.satisfies((line) -> assertThat(line.path("event").path("reason").asString()).isEqualTo("no API key"));
			assertThat(auditLines(viewer)).singleElement().satisfies((line) -> {
				assertThat(line.path("http").path("response").path("status_code").asInt()).isEqualTo(403);
				assertThat(line.path("user").path("name").asString()).isEqualTo("dashboard");
			});
		});
		assertThat(Files.readString(application.log())).doesNotContain(wrongKey)
			.doesNotContain(TestKeys.VIEWER)
			.doesNotContain(TestKeys.OPERATOR);
	}

	@Test
	void everyLineIsAJsonObject() throws Exception {
		send(HttpRequest.newBuilder(uri("/api/v1/overview")).header("Authorization", "Bearer " + TestKeys.VIEWER));

		List<String> lines = Files.readAllLines(application.log());
		assertThat(lines).isNotEmpty()
			.allSatisfy((line) -> assertThat(JSON.readTree(line).isObject()).as(line).isTrue());
	}

	/** Sends a request that must be refused and answers the id it was sent under. */
	private static String refused(HttpRequest.Builder request, int status) throws Exception {
		String id = "refused-" + UUID.randomUUID();
		HttpResponse<String> response = send(request.header("X-Request-Id", id));
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue(id);
		return id;
	}

	private static List<JsonNode> auditLines(String requestId) throws IOException {
		return logLines().stream()
			.filter((line) -> line.path("log").path("logger").asString().equals("ytempire.audit"))
			.filter((line) -> line.path("requestId").asString().equals(requestId))
			.toList();
	}

	private static List<JsonNode> logLines() throws IOException {
		return Files.readAllLines(application.log()).stream().map(JSON::readTree).toList();
	}

	private static List<JsonNode> eventMetaData(String aggregateId) throws Exception {
		List<JsonNode> metaData = new ArrayList<>();
		try (Connection database = application.database();
				PreparedStatement query = database.prepareStatement(
						"SELECT convert_from(metaData, 'UTF8') FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
			query.setString(1, aggregateId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					metaData.add(JSON.readTree(rows.getString(1)));
				}
			}
		}
		return metaData;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + application.httpPort() + path);
	}

}
