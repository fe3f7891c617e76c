package com.ytempire.ops.backup;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.ytempire.ops.OperatorDatabase;
import com.ytempire.ops.OperatorException;
import com.ytempire.ops.backup.BackupManifest.Kind;
import com.ytempire.ops.backup.BackupManifest.Scope;
import com.ytempire.ops.backup.BackupManifest.TableFile;

import static com.ytempire.ops.backup.StoreTables.EVENTS;
import static com.ytempire.ops.backup.StoreTables.POSITION;
import static com.ytempire.ops.backup.StoreTables.quoted;

/**
 * Takes a backup while the application keeps running: every table is read in one
 * read-only repeatable-read transaction, so the backup is one consistent moment.
 * <p>
 * Positions come from a sequence and commit out of order: a snapshot can see position 106
 * while 105 is still being written, and an incremental that starts after 106 would lose
 * 105 for ever. So before the snapshot is fixed, a second connection takes a lock that
 * lets no event be appended and waits for the appends in flight to commit. With that lock
 * held, every position up to the newest the snapshot sees is final; the lock is released
 * as soon as the snapshot exists, so appends pause only for that moment.
 */
final class BackupWriter {

	private static final String LOCK_TIMEOUT = "60s";

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final OperatorDatabase database;

	private final Clock clock;

	private final PrintWriter err;

	BackupWriter(OperatorDatabase database, Clock clock, PrintWriter err) {
		this.database = database;
		this.clock = clock;
		this.err = err;
	}

	BackupManifest write(BackupRoot root, boolean incremental) throws IOException, SQLException {
		BackupManifest parent = incremental ? root.latest()
			.map(BackupManifest::read)
			.orElseThrow(() -> new OperatorException(
					"no backup in " + root.folder() + " to continue from: take a full backup first"))
				: null;
		Files.createDirectories(root.folder());
		Path partial = Files.createTempDirectory(root.folder(), ".partial-");
		try (Connection barrier = this.database.connect(); Connection snapshot = this.database.connect()) {
			snapshot.setAutoCommit(false);
			snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			snapshot.setReadOnly(true);
			long head = snapshotWithNoAppendInFlight(barrier, snapshot);
			Instant createdAt = this.clock.instant();
			long after = (parent != null) ? parent.lastPosition() : 0;
			if (parent != null) {
				checkContinues(snapshot, parent, head);
			}
			Kind kind = (parent != null) ? Kind.INCREMENTAL : Kind.FULL;
			String name = BackupRoot.name(createdAt, kind);
			List<TableFile> files = new ArrayList<>();
			files.add(copyEvents(snapshot, partial, after));
			for (String table : StoreTables.all(snapshot)) {
				if (StoreTables.isKept(table) && !EVENTS.equals(table)) {
					files.add(copyWhole(snapshot, partial, table));
				}
			}
			if (StoreTables.all(snapshot).contains(StoreTables.TOKENS)) {
				files.add(copySagaTokens(snapshot, partial));
			}
			long last = Math.max(head, after);
			BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, name, kind,
					(parent != null) ? parent.name() : null, createdAt, after, firstPositionAfter(snapshot, after),
					last, eventAt(snapshot, last), StoreTables.schemaVersion(snapshot).orElse(null),
					List.copyOf(files));
			snapshot.commit();
			manifest.write(partial);
			Files.move(partial, root.backup(name), StandardCopyOption.ATOMIC_MOVE);
			return manifest;
		}
		finally {
			Retention.delete(partial);
		}
	}

	private static long snapshotWithNoAppendInFlight(Connection barrier, Connection snapshot) throws SQLException {
		barrier.setAutoCommit(false);
		if (!StoreTables.all(barrier).contains(EVENTS)) {
			throw new OperatorException(
					"this database has no event store (table DomainEventEntry is missing):" + " check DATABASE_URL");
		}
		try (Statement statement = barrier.createStatement()) {
			statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
			statement.execute("LOCK TABLE " + EVENTS + " IN SHARE MODE");
		}
		catch (SQLException ex) {
			if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
				throw new OperatorException("appends to the event store did not pause within " + LOCK_TIMEOUT
						+ ": a long transaction is writing events; try again", ex);
			}
			throw ex;
		}
		long head = Long
			.parseLong(StoreTables.single(snapshot, "SELECT coalesce(max(" + POSITION + "), 0) FROM " + EVENTS));
		barrier.rollback();
		return head;
	}

	private static void checkContinues(Connection snapshot, BackupManifest parent, long head) throws SQLException {
		String identifier = (parent.lastPosition() > 0) ? eventAt(snapshot, parent.lastPosition()) : null;
		boolean same = head >= parent.lastPosition()
				&& (parent.lastPosition() == 0 || parent.lastEventIdentifier().equals(identifier));
		if (!same) {
			throw new OperatorException("this database does not hold the event backup " + parent.name()
					+ " ends with (position " + parent.lastPosition()
					+ "): the backups in that folder come from another database; take a full backup");
		}
	}

	private TableFile copyEvents(Connection snapshot, Path folder, long after) throws SQLException, IOException {
		long total = count(snapshot, after);
		List<String> columns = StoreTables.columns(snapshot, EVENTS);
		Progress progress = new Progress(this.err, "backup", total);
		TableCopy.Written written = TableCopy
			.out(snapshot,
					"SELECT " + StoreTables.columnList(columns) + " FROM " + EVENTS + " WHERE " + POSITION + " > "
							+ after + " ORDER BY " + POSITION,
					folder.resolve(TableCopy.fileName(EVENTS)), progress::add);
		progress.finish();
		return new TableFile(EVENTS, TableCopy.fileName(EVENTS), Scope.EVENTS_AFTER_PARENT, columns, written.rows(),
				written.sha256());
	}

	private static TableFile copyWhole(Connection snapshot, Path folder, String table)
			throws SQLException, IOException {
		List<String> columns = StoreTables.columns(snapshot, table);
		TableCopy.Written written = TableCopy.out(snapshot,
				"SELECT " + StoreTables.backedUpColumns(table, columns) + " FROM " + quoted(table),
				folder.resolve(TableCopy.fileName(table)), (rows) -> {
				});
		return new TableFile(table, TableCopy.fileName(table), Scope.WHOLE_TABLE, columns, written.rows(),
				written.sha256());
	}

	/**
	 * The saga processors' tokens, read in the same snapshot as the sagas, the deadlines
	 * and the work queue, so a restore resumes each saga exactly after the last event it
	 * handled. The owner is left out: the node that held the claim is not the one that
	 * will resume from a restore, which should not wait for that claim to expire.
	 */
	private static TableFile copySagaTokens(Connection snapshot, Path folder) throws SQLException, IOException {
		String table = StoreTables.TOKENS;
		List<String> columns = StoreTables.columns(snapshot, table);
		String select = String.join(", ",
				columns.stream().map((column) -> "owner".equals(column) ? "NULL" : quoted(column)).toList());
		TableCopy.Written written = TableCopy.out(snapshot,
				"SELECT " + select + " FROM " + quoted(table) + " WHERE processorname LIKE '%"
						+ StoreTables.SAGA_PROCESSOR_SUFFIX + "'",
				folder.resolve(TableCopy.fileName(table)), (rows) -> {
				});
		return new TableFile(table, TableCopy.fileName(table), Scope.SAGA_TOKENS, columns, written.rows(),
				written.sha256());
	}

	private static long count(Connection snapshot, long after) throws SQLException {
		return Long.parseLong(
				StoreTables.single(snapshot, "SELECT count(*) FROM " + EVENTS + " WHERE " + POSITION + " > " + after));
	}

	private static Long firstPositionAfter(Connection snapshot, long after) throws SQLException {
		String first = StoreTables.single(snapshot,
				"SELECT min(" + POSITION + ") FROM " + EVENTS + " WHERE " + POSITION + " > " + after);
		return (first != null) ? Long.valueOf(first) : null;
	}

	private static String eventAt(Connection snapshot, long position) throws SQLException {
		try (PreparedStatement query = snapshot.prepareStatement(
				"SELECT " + StoreTables.EVENT_IDENTIFIER + " FROM " + EVENTS + " WHERE " + POSITION + " = ?")) {
			query.setLong(1, position);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

}
