package com.ytempire.ops.backup;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ytempire.ops.OperatorDatabase;
import com.ytempire.ops.OperatorException;
import com.ytempire.ops.backup.BackupManifest.Scope;
import com.ytempire.ops.backup.BackupManifest.TableFile;

import static com.ytempire.ops.backup.StoreTables.quoted;

/**
 * Loads a verified chain into a database in one transaction: the events of every backup
 * in order, then the other tables as the newest backup holds them (each backup copies
 * them whole). Read models and the projections' tracking tokens are left empty, so the
 * application's projections replay every event when it next starts; the saga processors'
 * tokens are restored with the sagas, so every saga resumes after the last event it had
 * handled when the backup was taken.
 */
final class Restorer {

	private final OperatorDatabase database;

	private final PrintWriter err;

	Restorer(OperatorDatabase database, PrintWriter err) {
		this.database = database;
		this.err = err;
	}

	record Restored(long events, long lastPosition, Map<String, Long> rows) {
	}

	Restored restore(BackupChain chain, boolean force) throws SQLException, IOException {
		List<String> problems = chain.problems();
		if (!problems.isEmpty()) {
			throw new OperatorException(
					"refusing to restore a damaged backup chain:\n  " + String.join("\n  ", problems));
		}
		BackupManifest last = chain.last();
		this.database.migrateSchema();
		try (Connection connection = this.database.connect()) {
			connection.setAutoCommit(false);
			checkSchema(connection, last);
			clear(connection, force);
			Map<String, Long> rows = new LinkedHashMap<>();
			Progress progress = new Progress(this.err, "restore", chain.events());
			for (BackupChain.Link link : chain.links()) {
				for (TableFile table : link.manifest().tables()) {
					boolean events = table.scope() == Scope.EVENTS_AFTER_PARENT;
					if (events || link.manifest() == last) {
						long stored = TableCopy.in(connection, table.table(), table.columns(),
								link.folder().resolve(table.file()), events ? progress::add : (count) -> {
								});
						if (stored != table.rows()) {
							throw new OperatorException("backup " + link.name() + ": " + table.file() + " loaded "
									+ stored + " rows, the manifest says " + table.rows());
						}
						rows.merge(table.table(), stored, Long::sum);
					}
				}
			}
			progress.finish();
			for (TableFile table : last.tables()) {
				continueSequences(connection, table);
			}
			connection.commit();
			return new Restored(chain.events(), last.lastPosition(), rows);
		}
	}

	private static void checkSchema(Connection connection, BackupManifest last) throws SQLException {
		if (last.schemaVersion() != null && !StoreTables.hasMigration(connection, last.schemaVersion())) {
			throw new OperatorException("the backup was taken at schema version " + last.schemaVersion()
					+ ", which this release does not have: restore with the release that took it");
		}
		List<String> present = StoreTables.all(connection);
		for (TableFile table : last.tables()) {
			if (!present.contains(table.table())) {
				throw new OperatorException("the backup holds table " + table.table() + ", which this database lacks");
			}
		}
	}

	private void clear(Connection connection, boolean force) throws SQLException {
		List<String> tables = StoreTables.all(connection)
			.stream()
			.filter((table) -> StoreTables.isKept(table) || StoreTables.isRebuilt(table))
			.toList();
		List<String> occupied = new ArrayList<>();
		for (String table : tables) {
			if (StoreTables.single(connection, "SELECT 1 FROM " + quoted(table) + " LIMIT 1") != null) {
				occupied.add(table);
			}
		}
		if (occupied.isEmpty()) {
			return;
		}
		if (!force) {
			throw new OperatorException(
					this.database.description() + " is not empty (rows in " + String.join(", ", occupied)
							+ "): restore into an empty database, or add --force to replace" + " everything in it");
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("TRUNCATE " + String.join(", ", tables.stream().map(StoreTables::quoted).toList()));
		}
	}

	/** Serial columns must hand out values above the restored ones. */
	private static void continueSequences(Connection connection, TableFile table) throws SQLException {
		for (String column : table.columns()) {
			String sequence;
			try (PreparedStatement query = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
				query.setString(1, quoted(table.table()));
				query.setString(2, column);
				try (ResultSet answer = query.executeQuery()) {
					answer.next();
					sequence = answer.getString(1);
				}
			}
			if (sequence != null) {
				try (PreparedStatement update = connection
					.prepareStatement("SELECT setval(?::regclass, max(" + quoted(column) + ")) FROM "
							+ quoted(table.table()) + " HAVING max(" + quoted(column) + ") IS NOT NULL")) {
					update.setString(1, sequence);
					update.execute();
				}
			}
		}
	}

}
