package com.ytempire.query.feed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reads video events from the event store by global position, without going through Axon:
 * the feed only needs their JSON.
 */
@Component
class EventLog {

	static final String VIDEO_EVENTS = "com.ytempire.api.video.%";

	private static final String COLUMNS = "globalIndex, aggregateIdentifier, payloadType, payload, timeStamp";

	private final DatabaseClient database;

	private final JsonMapper json;

	EventLog(ConnectionFactory connections, JsonMapper json) {
		this.database = DatabaseClient.create(connections);
		this.json = json;
	}

	/**
	 * The positions visible after {@code after}, in order, with the transaction horizon
	 * of the same snapshot: the oldest transaction still running, and the next id to be
	 * given out.
	 */
	Mono<Batch> after(long after, int limit) {
		Mono<long[]> horizon = this.database
			.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin,"
					+ " pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax")
			.map((row, metadata) -> new long[] { row.get("xmin", Long.class), row.get("xmax", Long.class) })
			.one();
		// The horizon is read before the rows: a transaction it saw as finished is then
		// visible to the (later) read of the rows.
		return horizon.flatMap((xids) -> this.database
			.sql("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > :after ORDER BY globalIndex LIMIT "
					+ limit)
			.bind("after", after)
			.map((row, metadata) -> row(row))
			.all()
			.collectList()
			.map((rows) -> new Batch(rows, xids[0], xids[1])));
	}

	/** The position of the newest event, 0 when there is none. */
	Mono<Long> head() {
		return this.database.sql("SELECT coalesce(max(globalIndex), 0) AS head FROM DomainEventEntry")
			.map((row, metadata) -> row.get("head", Long.class))
			.one();
	}

	/** Every video event in (after, upTo], in position order. */
	Flux<FeedEvent> between(long after, long upTo) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > :after AND globalIndex <= :upTo"
					+ " AND payloadType LIKE :video ORDER BY globalIndex")
			.bind("after", after)
			.bind("upTo", upTo)
			.bind("video", VIDEO_EVENTS)
			.map((row, metadata) -> row(row))
			.all()
			.map(this::decode);
	}

	private static Stored row(Row row) {
		ByteBuffer payload = row.get("payload", ByteBuffer.class);
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		return new Stored(row.get("globalIndex", Long.class), row.get("aggregateIdentifier", String.class),
				row.get("payloadType", String.class), bytes, row.get("timeStamp", String.class));
	}

	FeedEvent decode(Stored stored) {
		JsonNode payload = this.json.readTree(new String(stored.payload(), StandardCharsets.UTF_8));
		String type = stored.payloadType().substring(stored.payloadType().lastIndexOf('.') + 1);
		return new FeedEvent(stored.position(), FeedEvent.kindOf(type), type, stored.aggregateId(),
				payload.path("channelId").asString(null), stored.timestamp(), payload);
	}

	record Stored(long position, String aggregateId, String payloadType, byte[] payload, String timestamp) {

		boolean isVideoEvent() {
			return this.payloadType.startsWith("com.ytempire.api.video.");
		}

	}

	record Batch(java.util.List<Stored> rows, long xmin, long xmax) {
	}

}
