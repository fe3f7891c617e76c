package com.ytempire.app.fault;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.ytempire.app.fault.Attempt.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one request to one application process and says honestly what became of it: an
 * answer's status, id and position, or that the connection was refused, reset or timed
 * out.
 */
final class CommandClient {

	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param body JSON, or null for a request without one
	 * @param idempotencyKey sent as {@code Idempotency-Key} when not null
	 */
	Attempt send(AppNode node, String apiKey, String method, String path, String body, String idempotencyKey)
			throws InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path))
			.header("Authorization", "Bearer " + apiKey)
			.timeout(ANSWER_TIMEOUT)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status / 100 == 2) {
				JsonNode answer = readOrEmpty(response.body());
				return new Attempt(node.name(), Outcome.ACKNOWLEDGED, status, text(answer, "id"),
						answer.hasNonNull("position") ? answer.get("position").asLong() : null);
			}
			Outcome outcome = (status / 100 == 4) ? Outcome.REJECTED : Outcome.SERVER_ERROR;
			return new Attempt(node.name(), outcome, status, null, null);
		}
		catch (ConnectException | HttpConnectTimeoutException notConnected) {
			return new Attempt(node.name(), Outcome.REFUSED, 0, null, null);
		}
		catch (IOException resetOrTimedOut) {
			return new Attempt(node.name(), Outcome.NO_ANSWER, 0, null, null);
		}
	}

	private JsonNode readOrEmpty(String body) {
		return (body == null || body.isBlank()) ? this.json.createObjectNode() : this.json.readTree(body);
	}

	private static String text(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asString() : null;
	}

}
