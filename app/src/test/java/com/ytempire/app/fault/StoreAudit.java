package com.ytempire.app.fault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.ytempire.app.fault.Attempt.Outcome;
import com.ytempire.app.fault.Intent.Kind;

/**
 * Holds every command the load client sent against the event store: each acknowledged
 * command is stored exactly once, at the position its answer named and under the id it
 * returned; nothing of a command refused every time it was sent is stored; and no cost id
 * is stored twice on one video.
 */
final class StoreAudit {

	private static final int DESCRIBED = 20;

	private final Map<String, List<Stored>> byMarker = new HashMap<>();

	private final Map<Long, Stored> byPosition = new HashMap<>();

	private final Map<String, Integer> costsById = new HashMap<>();

	private final Map<String, Claim> claims = new HashMap<>();

	private StoreAudit() {
	}

	static StoreAudit read(Connection database) throws SQLException {
		StoreAudit audit = new StoreAudit();
		String marker = Stream.of(Kind.values())
			.filter((kind) -> kind.markerExpression() != null)
			.map((kind) -> "WHEN '" + kind.eventType() + "' THEN " + kind.markerExpression())
			.collect(Collectors.joining(" ", "CASE payloadType ", " END"));
		String sql = "SELECT globalIndex, aggregateIdentifier, payloadType, " + marker + ", CASE payloadType WHEN '"
				+ Kind.RECORD_COST.eventType() + "' THEN aggregateIdentifier || '/' || (p ->> 'costId') END"
				+ " FROM (SELECT globalIndex, aggregateIdentifier, payloadType,"
				+ " convert_from(payload, 'UTF8')::jsonb AS p" + " FROM DomainEventEntry) events";
		try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				Stored event = new Stored(rows.getLong(1), rows.getString(2), rows.getString(3));
				audit.byPosition.put(event.position(), event);
				if (rows.getString(4) != null) {
					audit.byMarker.computeIfAbsent(event.type() + "|" + rows.getString(4), (key) -> new ArrayList<>())
						.add(event);
				}
				if (rows.getString(5) != null) {
					audit.costsById.merge(rows.getString(5), 1, Integer::sum);
				}
			}
		}
		try (Statement statement = database.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT idempotency_key, resource_id, position FROM command_idempotency")) {
			while (rows.next()) {
				audit.claims.put(rows.getString(1), new Claim(rows.getString(2), (Long) rows.getObject(3)));
			}
		}
		return audit;
	}

	/**
	 * What the store holds of an intent: the events that carry its marker, or for a
	 * command without one, the event its Idempotency-Key's claim points at (the claim
	 * commits with the command's events; its position is filled in just after the commit
	 * and stays empty when the process died in between).
	 */
	private List<Stored> stored(Intent intent) {
		if (intent.kind().markerExpression() != null) {
			return this.byMarker.getOrDefault(intent.kind().eventType() + "|" + intent.marker(), List.of());
		}
		Claim claim = this.claims.get(intent.idempotencyKey());
		// A key its own command never claimed can be claimed by a later request that
		// reuses
		// it for something else.
		if (claim == null || !claim.resourceId().equals(intent.aggregateId())) {
			return List.of();
		}
		if (claim.position() == null) {
			return List.of(new Stored(Long.MIN_VALUE, claim.resourceId(), intent.kind().eventType()));
		}
		Stored event = this.byPosition.get(claim.position());
		return List.of((event != null) ? event
				: new Stored(claim.position(), "nothing stored at the claimed position", intent.kind().eventType()));
	}

	Result check(List<Intent> intents) {
		Result.Builder result = new Result.Builder();
		for (Intent intent : intents) {
			List<Attempt> answers = intent.answers();
			result.requests += answers.size();
			List<Stored> stored = stored(intent);
			if (intent.acknowledged()) {
				result.acknowledged++;
				if (stored.isEmpty()) {
					result.lost++;
					result.describe(intent, "acknowledged but not in the event store");
				}
				else if (stored.size() > 1) {
					result.duplicated++;
					result.describe(intent, "stored " + stored.size() + " times, at " + stored);
				}
				else if (answeredWhereStored(intent, answers, stored.get(0), result)) {
					result.found++;
				}
			}
			else if (intent.rejected()) {
				result.rejected++;
				if (!stored.isEmpty()) {
					result.rejectedStored++;
					result.describe(intent, "refused every time, yet stored at " + stored);
				}
			}
			else {
				result.unknown++;
				if (!stored.isEmpty()) {
					result.unknownStored++;
				}
				if (stored.size() > 1) {
					result.duplicated++;
					result.describe(intent, "outcome unknown, stored " + stored.size() + " times, at " + stored);
				}
			}
		}
		this.costsById.forEach((cost, count) -> {
			if (count > 1) {
				result.duplicated++;
				result.problems.add("cost " + cost + " stored " + count + " times");
			}
		});
		return result.build(intents.size());
	}

	/**
	 * Every acknowledged answer named the stored event's aggregate, and a position at or
	 * after that event on the same aggregate (a cost can be followed by the halt it
	 * caused).
	 */
	private boolean answeredWhereStored(Intent intent, List<Attempt> answers, Stored event, Result.Builder result) {
		for (Attempt answer : answers) {
			if (answer.outcome() != Outcome.ACKNOWLEDGED) {
				continue;
			}
			if (answer.returnedId() != null && intent.aggregateId() == null
					&& !answer.returnedId().equals(event.aggregateId())) {
				result.duplicated++;
				result.describe(intent, "answered with id " + answer.returnedId() + " but stored on " + event);
				return false;
			}
			if (answer.position() != null) {
				Stored at = this.byPosition.get(answer.position());
				if (at == null || !at.aggregateId().equals(event.aggregateId()) || at.position() < event.position()) {
					result.lost++;
					result.describe(intent, "answered with position " + answer.position() + ", which holds " + at
							+ ", but it is stored as " + event);
					return false;
				}
			}
		}
		return true;
	}

	private record Claim(String resourceId, Long position) {
	}

	record Stored(long position, String aggregateId, String type) {

		@Override
		public String toString() {
			return this.position + " " + this.type.substring(this.type.lastIndexOf('.') + 1) + " on "
					+ this.aggregateId;
		}

	}

	/**
	 * What the audit found.
	 *
	 * @param commands intents: commands meant to be applied once, however often sent
	 * @param requests requests sent for them, deliberate repeats and retries included
	 * @param found acknowledged commands stored once where their answers said
	 * @param lost acknowledged commands missing from the store, or not where their
	 * answers said
	 * @param duplicated commands or cost ids stored more than once
	 * @param rejected commands refused every time they were sent
	 * @param rejectedStored refused commands that are stored all the same
	 * @param unknown commands neither acknowledged nor refused every time they were sent:
	 * a reset, no answer or a 5xx among their answers
	 * @param unknownStored those of them that are stored (once)
	 * @param problems descriptions of the first violations
	 */
	record Result(long commands, long requests, long acknowledged, long found, long lost, long duplicated,
			long rejected, long rejectedStored, long unknown, long unknownStored, List<String> problems) {

		boolean promiseKept() {
			return this.lost == 0 && this.duplicated == 0 && this.rejectedStored == 0;
		}

		private static final class Builder {

			long requests;

			long acknowledged;

			long found;

			long lost;

			long duplicated;

			long rejected;

			long rejectedStored;

			long unknown;

			long unknownStored;

			final List<String> problems = new ArrayList<>();

			void describe(Intent intent, String problem) {
				if (this.problems.size() < DESCRIBED) {
					this.problems.add(intent.kind() + " " + intent.marker() + " (key " + intent.idempotencyKey()
							+ ", answers " + intent.answers() + "): " + problem);
				}
			}

			Result build(long commands) {
				return new Result(commands, this.requests, this.acknowledged, this.found, this.lost, this.duplicated,
						this.rejected, this.rejectedStored, this.unknown, this.unknownStored,
						List.copyOf(this.problems));
			}

		}

	}

}
