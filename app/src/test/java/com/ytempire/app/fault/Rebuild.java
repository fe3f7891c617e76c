package com.ytempire.app.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.ytempire.app.TestKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's zero-downtime rebuild of every projection, asked of one application
 * process through the admin API and followed until it ends.
 */
final class Rebuild {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final AppNode node;

	Rebuild(AppNode node) {
		this.node = node;
	}

	/**
	 * Starts the rebuild and returns its last status once it is DONE or FAILED, or an
	 * error message.
	 */
	Outcome run(Duration atMost) throws IOException, InterruptedException {
		HttpResponse<String> started = this.http.send(
				admin("/api/v1/admin/projections/all/rebuild").POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		if (started.statusCode() != 202) {
			return new Outcome(null, "starting the rebuild answered " + started.statusCode() + ": " + started.body());
		}
		Instant deadline = Instant.now().plus(atMost);
		while (Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			JsonNode status = JSON.readTree(this.http
				.send(admin("/api/v1/admin/projections/rebuild").GET().build(), HttpResponse.BodyHandlers.ofString())
				.body());
			String state = status.get("state").asString();
			if (state.equals("FAILED")) {
				return new Outcome(null, "the rebuild failed: " + status.get("error"));
			}
			if (state.equals("DONE")) {
				return new Outcome(status, null);
			}
		}
		return new Outcome(null, "the rebuild did not finish within " + atMost);
	}

	private HttpRequest.Builder admin(String path) {
		return HttpRequest.newBuilder(URI.create(this.node.base() + path))
			.header("Authorization", "Bearer " + TestKeys.ADMIN)
			.timeout(Duration.ofSeconds(30));
	}

	/**
	 * @param status the rebuild's final status, with the differences it found between the
	 * live and the rebuilt tables; null when it did not finish
	 * @param error why it did not finish, or null
	 */
	record Outcome(JsonNode status, String error) {

	}

}
