package com.ytempire.app.fault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the production saga to its promise once the load has stopped: every scheduled
 * video reaches a final event (published, failed, cancelled or halted) within a bound and
 * no saga is left; no video has two sagas; and, from the events, no step of a video was
 * started or failed twice for one attempt and no stage (script, voice, images, render
 * start, rendered, published) was reached twice.
 */
final class SagaAudit {

	private static final String EVENT = "com.ytempire.api.video.";

	private static final String FINAL_EVENTS = "'" + EVENT + "VideoPublishedEvent', '" + EVENT + "VideoFailedEvent', '"
			+ EVENT + "VideoCancelledEvent', '" + EVENT + "VideoHaltedEvent'";

	private static final String STAGE_EVENTS = "'" + EVENT + "ScriptReadyEvent', '" + EVENT + "VoiceOverReadyEvent', '"
			+ EVENT + "ImagesReadyEvent', '" + EVENT + "RenderStartedEvent', '" + EVENT + "VideoRenderedEvent', '"
			+ EVENT + "VideoPublishedEvent'";

	private static final String UNFINISHED = "SELECT aggregateIdentifier FROM DomainEventEntry WHERE payloadType = '"
			+ EVENT + "VideoScheduledEvent' EXCEPT SELECT aggregateIdentifier FROM DomainEventEntry"
			+ " WHERE payloadType IN (" + FINAL_EVENTS + ")";

	private SagaAudit() {
	}

	/**
	 * @param videos videos scheduled
	 * @param stuck videos without a final event when the bound ran out, with their last
	 * event
	 * @param sagasLeft sagas still stored then
	 * @param duplicated videos associated with more than one saga
	 * @param repeated steps started or failed twice for one attempt, stages reached twice
	 * @param endings how the videos ended: final event and count
	 * @param failures a few reasons videos failed for
	 */
	record Result(long videos, List<String> endings, List<String> failures, List<String> stuck, long sagasLeft,
			List<String> duplicated, List<String> repeated, Duration settledIn) {

		boolean kept() {
			return this.stuck.isEmpty() && this.sagasLeft == 0 && this.duplicated.isEmpty() && this.repeated.isEmpty();
		}

	}

	static Result await(PostgresServer database, Duration bound) throws SQLException, InterruptedException {
		Instant start = Instant.now();
		try (Connection connection = database.connect()) {
			while (Instant.now().isBefore(start.plus(bound))
					&& (count(connection, "SELECT count(*) FROM (" + UNFINISHED + ") v") > 0
							|| count(connection, "SELECT count(*) FROM SagaEntry") > 0)) {
				Thread.sleep(1000);
			}
			Duration settledIn = Duration.between(start, Instant.now());
			List<String> stuck = rows(connection, "SELECT v.aggregateIdentifier || ' last ' || (SELECT"
					+ " substring(payloadType from '[^.]*$') FROM DomainEventEntry e WHERE e.aggregateIdentifier ="
					+ " v.aggregateIdentifier ORDER BY sequenceNumber DESC LIMIT 1) FROM (" + UNFINISHED + ") v");
			List<String> duplicated = rows(connection,
					"SELECT associationValue || ': ' || count(DISTINCT sagaId)"
							+ " || ' sagas' FROM AssociationValueEntry WHERE associationKey = 'videoId'"
							+ " GROUP BY associationValue HAVING count(DISTINCT sagaId) > 1");
			List<String> repeated = new ArrayList<>(rows(connection, "SELECT aggregateIdentifier || ' '"
					+ " || substring(payloadType from '[^.]*$') || ' ' || (p ->> 'step') || ' attempt '"
					+ " || (p ->> 'attempt') || ' x' || count(*) FROM (SELECT aggregateIdentifier, payloadType,"
					+ " convert_from(payload, 'UTF8')::jsonb AS p FROM DomainEventEntry WHERE payloadType IN ('" + EVENT
					+ "ProductionStepStartedEvent', '" + EVENT + "ProductionStepFailedEvent')) e"
					+ " GROUP BY aggregateIdentifier, payloadType, p ->> 'step', p ->> 'attempt' HAVING count(*) > 1"));
			repeated.addAll(rows(connection,
					"SELECT aggregateIdentifier || ' ' || substring(payloadType from '[^.]*$')"
							+ " || ' x' || count(*) FROM DomainEventEntry WHERE payloadType IN (" + STAGE_EVENTS + ")"
							+ " GROUP BY aggregateIdentifier, payloadType HAVING count(*) > 1"));
			List<String> endings = rows(connection, "SELECT substring(payloadType from '[^.]*$') || ' ' || count(*)"
					+ " FROM DomainEventEntry WHERE payloadType IN (" + FINAL_EVENTS + ") GROUP BY payloadType");
			List<String> failures = rows(connection, "SELECT DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'reason'"
					+ " FROM DomainEventEntry WHERE payloadType = '" + EVENT + "VideoFailedEvent' LIMIT 3");
			return new Result(
					count(connection,
							"SELECT count(*) FROM DomainEventEntry WHERE payloadType = '" + EVENT
									+ "VideoScheduledEvent'"),
					endings, failures, stuck, count(connection, "SELECT count(*) FROM SagaEntry"), duplicated, repeated,
					settledIn);
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static List<String> rows(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return List.copyOf(values);
	}

}
