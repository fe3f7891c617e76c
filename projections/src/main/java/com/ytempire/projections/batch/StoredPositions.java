package com.ytempire.projections.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The global positions the event store gave a batch's events. A tracking token cannot
 * tell them: when an event fills a gap (a transaction that committed after a later one),
 * the token it comes with already stands at the later position. Read models that show
 * positions look them up here, so a live run and a replay write the same rows.
 */
public final class StoredPositions {

	private final Map<String, Long> byEventId = new HashMap<>();

	private StoredPositions() {
	}

	public static StoredPositions of(JdbcTemplate jdbc, List<Envelope> events) {
		StoredPositions positions = new StoredPositions();
		List<String> ids = events.stream().map(Envelope::eventId).toList();
		Rows.byKeys(jdbc, "SELECT eventIdentifier, globalIndex FROM DomainEventEntry WHERE eventIdentifier = ANY (?)",
				ids, (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.forEach((entry) -> positions.byEventId.put(entry.getKey(), entry.getValue()));
		return positions;
	}

	public long of(Envelope event) {
		return this.byEventId.getOrDefault(event.eventId(), event.position());
	}

}
