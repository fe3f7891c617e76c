package com.ytempire.query.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ytempire.api.audit.AuditMetaData;
import com.ytempire.query.support.NotFound;
import com.ytempire.query.support.Params;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Row;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit by replay: every event of a channel or video with who caused it, when and under
 * which request, and (with {@code at}) the state it was in at that instant, rebuilt from
 * the events up to then.
 */
@RestController
class AuditController {

	private final DatabaseClient database;

	private final JsonMapper json;

	AuditController(ConnectionFactory connections, JsonMapper json) {
		this.database = DatabaseClient.create(connections);
		this.json = json;
	}

	@GetMapping("/api/v1/audit/{aggregateId}")
	@ApiResponse(responseCode = "200",
			description = "Every event of the channel or video, and with 'at' its state then")
	@ApiResponse(responseCode = "404", description = "There are no events for this id")
	Mono<Map<String, Object>> audit(@PathVariable String aggregateId, @RequestParam(required = false) String at) {
		Instant asOf = Params.instant("at", at, null);
		return this.database
			.sql("SELECT globalIndex, sequenceNumber, payloadType, payload, metaData, timeStamp FROM DomainEventEntry"
					+ " WHERE aggregateIdentifier = :id ORDER BY sequenceNumber")
			.bind("id", aggregateId)
			.map((row, metadata) -> event(row))
			.all()
			.collectList()
			.filter((events) -> !events.isEmpty())
			.switchIfEmpty(Mono.error(() -> new NotFound("There are no events for " + aggregateId)))
			.map((events) -> answer(aggregateId, asOf, events));
	}

	private Map<String, Object> answer(String aggregateId, Instant asOf, List<Map<String, Object>> events) {
		List<Map<String, Object>> history = (asOf != null) ? events.stream()
			.filter((event) -> !Instant.parse((String) event.get("timestamp")).isAfter(asOf))
			.toList() : events;
		StateFold fold = new StateFold();
		history.forEach((event) -> fold.apply((String) event.get("type"), (JsonNode) event.get("payload"),
				(String) event.get("timestamp"), (Long) event.get("sequence")));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("aggregateId", aggregateId);
		answer.put("asOf", (asOf != null) ? asOf.toString() : null);
		answer.put("eventCount", history.size());
		answer.put("state", history.isEmpty() ? null : fold.state());
		answer.put("events", history);
		return answer;
	}

	private Map<String, Object> event(Row row) {
		String type = row.get("payloadType", String.class);
		JsonNode metaData = read(row.get("metaData", ByteBuffer.class));
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("position", row.get("globalIndex", Long.class));
		event.put("sequence", row.get("sequenceNumber", Long.class));
		event.put("type", type.substring(type.lastIndexOf('.') + 1));
		event.put("timestamp", Instant.parse(row.get("timeStamp", String.class)).toString());
		event.put("issuedBy", (metaData != null) ? metaData.path("issuedBy").asString(null) : null);
		event.put("role", (metaData != null) ? metaData.path("role").asString(null) : null);
		event.put("requestId", (metaData != null) ? metaData.path(AuditMetaData.REQUEST_ID).asString(null) : null);
		event.put("correlationId", (metaData != null) ? metaData.path("correlationId").asString(null) : null);
		event.put("payload", read(row.get("payload", ByteBuffer.class)));
		event.put("metaData", metaData);
		return event;
	}

	private JsonNode read(ByteBuffer bytes) {
		if (bytes == null) {
			return null;
		}
		byte[] content = new byte[bytes.remaining()];
		bytes.get(content);
		return this.json.readTree(new String(content, StandardCharsets.UTF_8));
	}

}
