package com.ytempire.ops.doctor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@code doctor} reads from the database: the event store's head and size, how far
 * each projection lags behind it, the sagas in progress and the events a processor gave
 * up on.
 */
final class StoreChecks {

	private final Connection connection;

	private final long maxLag;

	StoreChecks(Connection connection, long maxLag) {
		this.connection = connection;
		this.maxLag = maxLag;
	}

	List<Finding> run() throws SQLException {
		List<Finding> findings = new ArrayList<>();
		long head = single("SELECT coalesce(max(globalIndex), 0) FROM DomainEventEntry");
		long events = single("SELECT count(*) FROM DomainEventEntry");
		long bytes = single("SELECT pg_total_relation_size('domainevententry')");
		findings.add(Finding.ok("event store",
				events + " events, head at position " + head + ", " + bytes / (1024 * 1024) + " MiB"));
		findings.addAll(processors(head));
		long sagas = single("SELECT count(*) FROM SagaEntry");
		findings.add(Finding.ok("sagas", sagas + " in progress"));
		findings.add(deadLetters());
		return findings;
	}

	private List<Finding> processors(long head) throws SQLException {
		List<Finding> findings = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT processorName, segment, token, owner FROM TokenEntry"
						+ " WHERE processorName NOT LIKE '\\_\\_%' ORDER BY processorName, segment")) {
			while (rows.next()) {
				String name = rows.getString(1) + "[" + rows.getInt(2) + "]";
				OptionalLong position = TokenPosition.of(rows.getBytes(3));
				long lag = head - position.orElse(0);
				String detail = "at position " + (position.isPresent() ? position.getAsLong() : "none") + ", " + lag
						+ " events behind";
				if (lag > this.maxLag) {
					findings.add(Finding.fail("projection " + name, detail + " (more than " + this.maxLag + ")"));
				}
				else if (rows.getString(4) == null) {
					findings.add(Finding.warn("projection " + name, detail + "; no running instance has claimed it"));
				}
				else {
					findings.add(Finding.ok("projection " + name, detail));
				}
			}
		}
		if (findings.isEmpty()) {
			findings.add(Finding.warn("projections", "none has stored a token yet: has the service ever run here?"));
		}
		return findings;
	}

	private Finding deadLetters() throws SQLException {
		List<String> groups = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT processingGroup, count(*) FROM DeadLetterEntry"
						+ " GROUP BY processingGroup ORDER BY processingGroup")) {
			while (rows.next()) {
				groups.add(rows.getString(1) + ": " + rows.getLong(2));
			}
		}
		return groups.isEmpty() ? Finding.ok("dead letters", "none")
				: Finding.fail("dead letters", "events a processor gave up on, " + String.join(", ", groups));
	}

	private long single(String query) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
