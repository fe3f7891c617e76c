package com.ytempire.query.consistency;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Whether every projection has applied the event at a given global position, read from
 * the processors' tokens in {@code TokenEntry}.
 * <p>
 * Positions do not commit in order, so a token's index alone proves nothing: a gap-aware
 * token lists the positions below its index it has not seen yet. A position is passed
 * when it is at or below the index and not one of the gaps.
 */
@Component
public class ProjectionPositions {

	private static final long FIRST_POSITION = 1;

	private static final Duration POLL = Duration.ofMillis(20);

	private final DatabaseClient database;

	private final JsonMapper json;

	private final List<String> processors;

	ProjectionPositions(ConnectionFactory connections, JsonMapper json,
			@Value("${ytempire.query.projections:channel-summary,videos,cost-analytics,platform-overview,time-series}") List<String> processors) {
		this.database = DatabaseClient.create(connections);
		this.json = json;
		this.processors = List.copyOf(processors);
	}

	/**
	 * Emits true as soon as every projection passed the position, false at the deadline.
	 */
	public Mono<Boolean> awaitPassed(long position, Duration timeout) {
		// Positions start at 1: 0 asks for nothing, and must not wait for tokens that an
		// empty event store never gives a position.
		if (position < FIRST_POSITION) {
			return Mono.just(true);
		}
		return passed(position).filter(Boolean::booleanValue)
			.repeatWhenEmpty((attempts) -> attempts.concatMap((attempt) -> Mono.delay(POLL)))
			.timeout(timeout, Mono.just(false));
	}

	Mono<Boolean> passed(long position) {
		return this.database.sql("SELECT processorName, token FROM TokenEntry WHERE processorName IN (:names)")
			.bind("names", this.processors)
			.map((row, metadata) -> new Token(row.get("processorName", String.class),
					row.get("token", ByteBuffer.class)))
			.all()
			.collectList()
			.map((tokens) -> this.processors.stream()
				.allMatch((processor) -> tokens.stream().anyMatch((token) -> token.processor().equals(processor))
						&& tokens.stream()
							.filter((token) -> token.processor().equals(processor))
							.allMatch((token) -> covers(read(token.bytes()), position))));
	}

	private JsonNode read(ByteBuffer bytes) {
		if (bytes == null) {
			return null;
		}
		byte[] content = new byte[bytes.remaining()];
		bytes.get(content);
		return this.json.readTree(content);
	}

	/**
	 * Gap-aware tokens, and the replay and merge tokens that wrap them, as Axon stores
	 * them with Jackson.
	 */
	static boolean covers(JsonNode token, long position) {
		if (token == null || token.isNull()) {
			return false;
		}
		if (token.has("currentToken")) {
			return covers(token.get("currentToken"), position);
		}
		if (token.has("lowerSegmentToken")) {
			return covers(token.get("lowerSegmentToken"), position) && covers(token.get("upperSegmentToken"), position);
		}
		if (!token.has("index") || token.get("index").asLong() < position) {
			return false;
		}
		for (JsonNode gap : token.path("gaps")) {
			if (gap.asLong() == position) {
				return false;
			}
		}
		return true;
	}

	private record Token(String processor, ByteBuffer bytes) {
	}

}
