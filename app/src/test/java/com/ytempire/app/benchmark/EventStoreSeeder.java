package com.ytempire.app.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.app.benchmark.SyntheticHistory.HistoricEvent;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a synthetic history straight into Axon's event table with PostgreSQL's binary
 * COPY: payloads and metadata go through the application's own event serializer, each
 * aggregate's sequence numbers run from 0 without gaps, and the global index comes from
 * the table's sequence in the order of the history. The write side's lookup tables
 * (channel names and policies, quota slots) are filled as its event handlers would have.
 */
final class EventStoreSeeder {

	private static final byte[] COPY_SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

	private static final int ROWS_PER_TRANSACTION = 50_000;

	private final DataSource dataSource;

	private final Serializer serializer;

	private final JdbcTemplate jdbc;

	private final List<HistoricEvent> pending = new ArrayList<>();

	private final Map<String, Integer> slots = new TreeMap<>();

	private long written;

	EventStoreSeeder(DataSource dataSource, Serializer serializer) {
		this.dataSource = dataSource;
		this.serializer = serializer;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Seeds the history and returns how many events were written. */
	long seed(SyntheticHistory history) {
		history.generate((window) -> {
			for (HistoricEvent event : window) {
				this.pending.add(event);
				lookups(event.payload());
				if (this.pending.size() == ROWS_PER_TRANSACTION) {
					flush();
				}
			}
		});
		flush();
		this.jdbc.batchUpdate("INSERT INTO video_day_slot (channel_id, day, used) VALUES (?, CAST(? AS DATE), ?)",
				this.slots.entrySet()
					.stream()
					.map((slot) -> new Object[] { slot.getKey().substring(0, slot.getKey().indexOf('|')),
							slot.getKey().substring(slot.getKey().indexOf('|') + 1), slot.getValue() })
					.toList());
		this.jdbc.execute("ANALYZE DomainEventEntry");
		return this.written;
	}

	private void lookups(Object payload) {
		if (payload instanceof ChannelCreatedEvent created) {
			this.jdbc.update("INSERT INTO channel_name_claim (normalized_name, channel_id) VALUES (?, ?)",
					created.name().toLowerCase(Locale.ROOT), created.channelId());
			this.jdbc.update(
					"INSERT INTO channel_policy (channel_id, status, daily_video_quota, cost_cap_per_video_micros)"
							+ " VALUES (?, 'ACTIVE', ?, ?)",
					created.channelId(), created.settings().dailyVideoQuota(),
					created.settings().costCapPerVideoMicros());
		}
		else if (payload instanceof VideoScheduledEvent scheduled) {
			LocalDate day = LocalDate.ofInstant(scheduled.publishAt(), ZoneOffset.UTC);
			this.slots.merge(scheduled.channelId() + "|" + day, 1, Integer::sum);
		}
	}

	private void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
						+ " metaData, payload, payloadRevision, payloadType, timeStamp) FROM STDIN (FORMAT binary)");
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
			DataOutputStream rows = new DataOutputStream(buffer);
			rows.write(COPY_SIGNATURE);
			rows.writeInt(0);
			rows.writeInt(0);
			for (HistoricEvent event : this.pending) {
				row(rows, event);
				if (buffer.size() > (1 << 20)) {
					copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
					buffer.reset();
				}
			}
			rows.writeShort(-1);
			copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
			this.written += copy.endCopy();
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Seeding the event store failed", ex);
		}
		this.pending.clear();
	}

	private void row(DataOutputStream rows, HistoricEvent event) throws IOException {
		String eventId = UUID.randomUUID().toString();
		SerializedObject<byte[]> payload = this.serializer.serialize(event.payload(), byte[].class);
		// What a command from the API leaves on its events: who sent it, and Axon's
		// correlation of the event with the command that caused it.
		SerializedObject<byte[]> metaData = this.serializer.serialize(
				MetaData
					.from(Map.of("issuedBy", "seed", "role", "operator", "correlationId", eventId, "traceId", eventId)),
				byte[].class);
		rows.writeShort(9);
		text(rows, event.aggregateId());
		rows.writeInt(8);
		rows.writeLong(event.sequence());
		text(rows, event.aggregateType());
		text(rows, eventId);
		bytes(rows, metaData.getData());
		bytes(rows, payload.getData());
		text(rows, payload.getType().getRevision());
		text(rows, payload.getType().getName());
		text(rows, event.timestamp().toString());
	}

	private static void text(DataOutputStream rows, String value) throws IOException {
		bytes(rows, (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
	}

	private static void bytes(DataOutputStream rows, byte[] value) throws IOException {
		if (value == null) {
			rows.writeInt(-1);
			return;
		}
		rows.writeInt(value.length);
		rows.write(value);
	}

}
