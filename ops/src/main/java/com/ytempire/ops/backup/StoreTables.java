package com.ytempire.ops.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which tables hold data that must never be lost. Every table is kept except those the
 * application rebuilds (read models, tracking tokens, dead letters of projections) and
 * Flyway's history, so a table a later release adds is kept without anyone remembering to
 * list it here.
 * <p>
 * One kind of tracking token is not derived: a saga processor's. A saga's state says
 * which events it has handled only together with its processor's token, so the two are
 * backed up and restored together; a saga restored without its token would start at the
 * head of the store and never see the events it had not handled yet at backup time.
 */
final class StoreTables {

	static final String EVENTS = "domainevententry";

	static final String POSITION = "globalindex";

	static final String EVENT_IDENTIFIER = "eventidentifier";

	static final String TOKENS = "tokenentry";

	/**
	 * Axon names a saga's event processor after the saga: {@code ProductionSaga}'s is
	 * {@code ProductionSagaProcessor}.
	 */
	static final String SAGA_PROCESSOR_SUFFIX = "SagaProcessor";

	private static final List<String> REBUILT = List.of("tokenentry", "deadletterentry");

	private static final String READ_MODEL_PREFIX = "rm_";

	private static final String SCHEMA_HISTORY = "flyway_schema_history";

	/**
	 * Values that authorise something by themselves, kept out of backups: a resumable
	 * upload's session address lets anyone who holds it upload into that channel. After a
	 * restore, an upload that was cut short starts a new session; one that had finished
	 * is answered by the platform's id, which is kept.
	 */
	private static final Map<String, List<String>> NEVER_BACKED_UP = Map.of("production_upload",
			List.of("session_uri"));

	private StoreTables() {
	}

	static boolean isRebuilt(String table) {
		return REBUILT.contains(table) || table.startsWith(READ_MODEL_PREFIX);
	}

	static boolean isSagaProcessor(String processorName) {
		return processorName.endsWith(SAGA_PROCESSOR_SUFFIX);
	}

	static boolean isReadModel(String table) {
		return table.startsWith(READ_MODEL_PREFIX);
	}

	static boolean isKept(String table) {
		return !isRebuilt(table) && !SCHEMA_HISTORY.equals(table);
	}

	static List<String> all(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT table_name FROM information_schema.tables"
				+ " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
				+ " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
			query.setString(1, table);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
		return columns;
	}

	/** The newest migration applied, if Flyway manages this database. */
	static Optional<String> schemaVersion(Connection connection) throws SQLException {
		if (!all(connection).contains(SCHEMA_HISTORY)) {
			return Optional.empty();
		}
		return Optional.ofNullable(single(connection, "SELECT version FROM " + SCHEMA_HISTORY
				+ " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1"));
	}

	static boolean hasMigration(Connection connection, String version) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT 1 FROM " + SCHEMA_HISTORY + " WHERE success AND version = ?")) {
			query.setString(1, version);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	static String single(Connection connection, String sql) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** What a backup selects from the table: its columns, with each secret one empty. */
	static String backedUpColumns(String table, List<String> columns) {
		List<String> secret = NEVER_BACKED_UP.getOrDefault(table, List.of());
		return String.join(", ",
				columns.stream()
					.map((column) -> secret.contains(column) ? "NULL AS " + quoted(column) : quoted(column))
					.toList());
	}

	static String columnList(List<String> columns) {
		return String.join(", ", columns.stream().map(StoreTables::quoted).toList());
	}

}
