package com.ytempire.app.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.ytempire.app.TestKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Once the load has stopped: waits until every event processor has passed the head of the
 * store, then has the application rebuild every projection from the events beside the
 * live read models and compare the two table by table, row by row.
 */
final class ReadModelCheck {

	private static final Duration CATCH_UP = Duration.ofMinutes(3);

	private static final Duration REBUILD = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReadModelCheck() {
	}

	/**
	 * @param tables read-model tables compared
	 * @param differing the tables whose live rows differ from the rebuilt ones, described
	 * @param error why the check could not finish, or null
	 */
	record Result(int tables, List<String> differing, String error) {

		boolean converged() {
			return this.error == null && this.differing.isEmpty() && this.tables > 0;
		}

	}

	static Result run(PostgresServer database, AppNode node) throws Exception {
		long head;
		try (Connection connection = database.connect()) {
			head = single(connection, "SELECT coalesce(max(globalIndex), -1) FROM DomainEventEntry");
			Instant deadline = Instant.now().plus(CATCH_UP);
			while (single(connection, "SELECT count(*) FROM TokenEntry WHERE token IS NULL OR"
					+ " coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1) < " + head) > 0) {
				if (Instant.now().isAfter(deadline)) {
					return new Result(0, List.of(),
							"the event processors did not reach the head " + head + " within " + CATCH_UP);
				}
				Thread.sleep(500);
			}
		}
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> started = http.send(
				admin(node, "/api/v1/admin/projections/all/rebuild").POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		if (started.statusCode() != 202) {
			return new Result(0, List.of(), "starting the rebuild answered " + started.statusCode());
		}
		Instant deadline = Instant.now().plus(REBUILD);
		while (Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			JsonNode status = JSON.readTree(http.send(admin(node, "/api/v1/admin/projections/rebuild").GET().build(),
					HttpResponse.BodyHandlers.ofString())
				.body());
			String state = status.get("state").asString();
			if (state.equals("FAILED")) {
				return new Result(0, List.of(), "the rebuild failed: " + status.get("error"));
			}
			if (state.equals("DONE")) {
				return compared(status.get("differences"));
			}
		}
		return new Result(0, List.of(), "the rebuild did not finish within " + REBUILD);
	}

	private static Result compared(JsonNode differences) {
		List<String> differing = new ArrayList<>();
		for (JsonNode table : differences) {
			if (table.get("onlyLive").asLong() != 0 || table.get("onlyRebuilt").asLong() != 0) {
				differing.add(table.toString());
			}
		}
		return new Result(differences.size(), differing, null);
	}

	private static HttpRequest.Builder admin(AppNode node, String path) {
		return HttpRequest.newBuilder(URI.create(node.base() + path))
			.header("Authorization", "Bearer " + TestKeys.ADMIN)
			.timeout(Duration.ofSeconds(30));
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
