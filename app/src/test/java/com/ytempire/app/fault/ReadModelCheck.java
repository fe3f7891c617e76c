package com.ytempire.app.fault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Once the load has stopped: waits until every event processor has passed the head of the
 * store, then has the application rebuild every projection from the events beside the
 * live read models and compare the two table by table, row by row.
 */
final class ReadModelCheck {

	private static final Duration CATCH_UP = Duration.ofMinutes(3);

	private static final Duration REBUILD = Duration.ofMinutes(5);

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
		Rebuild.Outcome rebuild = new Rebuild(node).run(REBUILD);
		if (rebuild.error() != null) {
			return new Result(0, List.of(), rebuild.error());
		}
		return compared(rebuild.status().get("differences"));
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

	private static long single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
