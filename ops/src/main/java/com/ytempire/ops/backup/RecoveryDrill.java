package com.ytempire.ops.backup;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import com.ytempire.ops.OperatorDatabase;
import com.ytempire.ops.OperatorException;
import com.ytempire.ops.ServiceStarter;
import com.ytempire.ops.StatusLine;
import com.ytempire.ops.doctor.TokenPosition;

/**
 * The disaster-recovery drill: restore the newest backup chain into a scratch database
 * beside the live one, run the service on it until its projections have replayed every
 * restored event, and compare the rebuilt read models with the live ones. The time that
 * took is the recovery time (RTO); the age of the newest backup is the data a disaster
 * would have cost (RPO).
 * <p>
 * The drill's instance runs on a copy of the production line's state: its queued work,
 * its sagas and their deadlines. It must never act on them, so it starts with production
 * switched off, the offline providers chosen and every provider key blanked: a drill can
 * neither spend money nor publish, whatever the environment it inherits holds.
 */
final class RecoveryDrill {

	private static final DateTimeFormatter SCRATCH_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'_'HHmmss")
		.withZone(ZoneOffset.UTC);

	private static final Duration POLL = Duration.ofMillis(500);

	/**
	 * The environment variables that hold provider keys, blanked for the drill's instance
	 * (a command-line argument outranks the environment).
	 */
	static final List<String> PROVIDER_SECRETS = List.of("OPENAI_API_KEY", "ELEVENLABS_API_KEY", "SD_API_AUTH",
			"YOUTUBE_CLIENT_ID", "YOUTUBE_CLIENT_SECRET", "YOUTUBE_REFRESH_TOKEN");

	private final OperatorDatabase live;

	private final ServiceStarter service;

	private final Clock clock;

	private final PrintWriter err;

	RecoveryDrill(OperatorDatabase live, ServiceStarter service, Clock clock, PrintWriter err) {
		this.live = live;
		this.service = service;
		this.clock = clock;
		this.err = err;
	}

	record TableComparison(String table, long rows, boolean same) {
	}

	record Report(String backup, Duration rpo, Duration restore, Duration replay, long events, long liveEventsAfter,
			List<TableComparison> tables) {

		Duration rto() {
			return this.restore.plus(this.replay);
		}

		/** Differences count only when the live store holds nothing the backup lacks. */
		boolean sound() {
			return this.liveEventsAfter > 0 || this.tables.stream().allMatch(TableComparison::same);
		}

	}

	Report run(Path backups, Duration timeout, boolean keepScratch)
			throws SQLException, IOException, InterruptedException {
		Instant start = this.clock.instant();
		BackupChain chain = BackupChain.endingAt(BackupRoot.backupNamedBy(backups));
		BackupManifest newest = chain.last();
		String scratchName = "ytempire_drill_" + SCRATCH_NAME.format(start);
		this.err.println("drill: restoring " + VerifyBackupCommand.describe(chain) + " into database " + scratchName);
		OperatorDatabase scratch = this.live.createSibling(scratchName);
		Path dataDirectory = Files.createTempDirectory("ytempire-drill-");
		try {
			new Restorer(scratch, this.err).restore(chain, false);
			Instant restored = this.clock.instant();
			this.err.println("drill: restored in " + seconds(Duration.between(start, restored))
					+ "; starting the service on it to replay the events");
			int processors = processorCount();
			AutoCloseable replica = this.service.start(replicaArguments(scratch, dataDirectory));
			try {
				awaitReplay("restored", scratch, newest.lastPosition(), processors, restored.plus(timeout));
			}
			finally {
				stop(replica);
			}
			Instant replayed = this.clock.instant();
			// The live read models are compared once they too have seen every backed-up
			// event.
			awaitReplay("live", this.live, newest.lastPosition(), processors, replayed.plus(timeout));
			return new Report(newest.name(), Duration.between(newest.createdAt(), start),
					Duration.between(start, restored), Duration.between(restored, replayed), chain.events(),
					liveEventsAfter(newest.lastPosition()), compare(scratch));
		}
		finally {
			scratch.close();
			if (!keepScratch) {
				this.live.dropSibling(scratchName);
			}
			Retention.delete(dataDirectory);
		}
	}

	private static void stop(AutoCloseable replica) {
		try {
			replica.close();
		}
		catch (Exception ex) {
			throw new OperatorException("the drill's service did not stop cleanly: " + ex.getMessage(), ex);
		}
	}

	private String[] replicaArguments(OperatorDatabase scratch, Path dataDirectory) {
		List<String> arguments = new ArrayList<>(scratch.serviceArguments());
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		arguments.add("--ytempire.security.api-keys=drill:admin:" + HexFormat.of().formatHex(secret));
		arguments.add("--ytempire.data-dir=" + dataDirectory);
		arguments.add("--ytempire.backup.dir=");
		arguments.add("--server.port=0");
		// No saga, no workers, no deadlines: nothing restored is produced or published.
		arguments.add("--ytempire.render.enabled=false");
		arguments.add("--ytempire.render.providers.script=offline");
		arguments.add("--ytempire.render.providers.voice=offline");
		arguments.add("--ytempire.render.providers.images=offline");
		arguments.add("--ytempire.render.providers.publisher=outbox");
		arguments.add("--ytempire.render.media-dir=" + dataDirectory.resolve("media"));
		arguments.add("--ytempire.render.outbox-dir=" + dataDirectory.resolve("outbox"));
		PROVIDER_SECRETS.forEach((key) -> arguments.add("--" + key + "="));
		return arguments.toArray(String[]::new);
	}

	private void awaitReplay(String label, OperatorDatabase database, long lastPosition, int processors,
			Instant deadline) throws SQLException, InterruptedException {
		try (Connection connection = database.connect()) {
			StatusLine status = StatusLine.on(this.err);
			while (true) {
				List<Long> positions = positions(connection);
				long behind = positions.stream().filter((position) -> position < lastPosition).count();
				status.show("drill: " + (positions.size() - behind) + "/" + processors + " " + label
						+ " projections at position " + lastPosition);
				if (positions.size() >= processors && behind == 0) {
					status.end();
					return;
				}
				if (this.clock.instant().isAfter(deadline)) {
					status.end();
					throw new OperatorException(
							"the " + label + " projections did not reach position " + lastPosition + " in time");
				}
				Thread.sleep(POLL.toMillis());
			}
		}
	}

	private int processorCount() throws SQLException {
		try (Connection connection = this.live.connect()) {
			return Math.max(1, positions(connection).size());
		}
	}

	/**
	 * The projections' positions. Axon's own rows ({@code __config}) are not processors;
	 * the saga's token is restored, not replayed, and the drill's instance runs no saga.
	 */
	private static List<Long> positions(Connection connection) throws SQLException {
		List<Long> positions = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT processorName, token FROM TokenEntry" + " WHERE processorName NOT LIKE '\\_\\_%'")) {
			while (rows.next()) {
				if (StoreTables.isSagaProcessor(rows.getString(1))) {
					continue;
				}
				OptionalLong position = TokenPosition.of(rows.getBytes(2));
				positions.add(position.isPresent() ? position.getAsLong() : -1);
			}
		}
		return positions;
	}

	private long liveEventsAfter(long lastPosition) throws SQLException {
		try (Connection connection = this.live.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT count(*) FROM DomainEventEntry WHERE globalIndex > " + lastPosition)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private List<TableComparison> compare(OperatorDatabase scratch) throws SQLException {
		List<TableComparison> comparisons = new ArrayList<>();
		try (Connection rebuilt = scratch.connect(); Connection current = this.live.connect()) {
			List<String> liveTables = StoreTables.all(current);
			for (String table : StoreTables.all(rebuilt)) {
				if (StoreTables.isReadModel(table) && liveTables.contains(table)) {
					String[] rebuiltChecksum = checksum(rebuilt, table);
					String[] liveChecksum = checksum(current, table);
					comparisons.add(new TableComparison(table, Long.parseLong(rebuiltChecksum[1]),
							rebuiltChecksum[0].equals(liveChecksum[0])));
				}
			}
		}
		return comparisons;
	}

	/** A checksum over every row, whatever the order, and the number of rows. */
	private static String[] checksum(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT coalesce(md5(string_agg(h, '' ORDER BY h)), md5('')),"
						+ " count(*) FROM (SELECT md5(t::text) AS h FROM " + StoreTables.quoted(table) + " t) rows")) {
			rows.next();
			return new String[] { rows.getString(1), rows.getString(2) };
		}
	}

	static String seconds(Duration duration) {
		return String.format("%.1f s", duration.toMillis() / 1000.0);
	}

}
