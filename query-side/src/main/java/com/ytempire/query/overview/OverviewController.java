package com.ytempire.query.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform overview the operations dashboards open with: active channels, videos
 * generated today, cost per video over the last hour, failures in the last hour.
 */
@RestController
class OverviewController {

	private final DatabaseClient database;

	private final Clock clock = Clock.systemUTC();

	OverviewController(ConnectionFactory connections) {
		this.database = DatabaseClient.create(connections);
	}

	@GetMapping("/api/v1/overview")
	Mono<Map<String, Object>> overview() {
		Instant now = this.clock.instant();
		Mono<Map<String, Object>> channels = this.database
			.sql("SELECT count(*) FILTER (WHERE status = 'ACTIVE') AS active,"
					+ " count(*) FILTER (WHERE status = 'PAUSED') AS paused,"
					+ " count(*) FILTER (WHERE status = 'ARCHIVED') AS archived FROM rm_overview_channel")
			.map((row, metadata) -> Map.<String, Object>of("activeChannels", row.get("active", Long.class),
					"pausedChannels", row.get("paused", Long.class), "archivedChannels",
					row.get("archived", Long.class)))
			.one();
		Mono<Map<String, Object>> today = this.database.sql(
				"SELECT coalesce(sum(videos_scheduled), 0) AS scheduled, coalesce(sum(videos_generated), 0) AS generated,"
						+ " coalesce(sum(videos_published), 0) AS published, coalesce(sum(failures), 0) AS failures,"
						+ " coalesce(sum(halted), 0) AS halted, coalesce(sum(cost_micros), 0) AS cost"
						+ " FROM rm_overview_day WHERE day = :day")
			.bind("day", LocalDate.ofInstant(now, ZoneOffset.UTC))
			.map((row, metadata) -> Map.<String, Object>of("videosScheduledToday", number(row.get("scheduled")),
					"videosGeneratedToday", number(row.get("generated")), "videosPublishedToday",
					number(row.get("published")), "failuresToday", number(row.get("failures")), "videosHaltedToday",
					number(row.get("halted")), "costTodayMicros", number(row.get("cost"))))
			.one();
		Mono<Map<String, Object>> lastHour = this.database
			.sql("SELECT coalesce(sum(videos_generated), 0) AS generated, coalesce(sum(failures), 0) AS failures,"
					+ " coalesce(sum(cost_micros), 0) AS cost FROM rm_series_minute"
					+ " WHERE channel_id = '*' AND minute >= :since")
			.bind("since", now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES))
			.map((row, metadata) -> {
				long generated = number(row.get("generated"));
				long cost = number(row.get("cost"));
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("videosGeneratedLastHour", generated);
				figures.put("failuresLastHour", number(row.get("failures")));
				figures.put("costLastHourMicros", cost);
				// Money spent in the hour per video generated in it: what the
				// cost-per-video
				// panel plots.
				figures.put("costPerVideoLastHourMicros", (generated == 0) ? null : cost / generated);
				return figures;
			})
			.one();
		return Mono.zip(channels, today, lastHour).map((parts) -> {
			Map<String, Object> overview = new LinkedHashMap<>();
			overview.put("asOf", now.toString());
			overview.putAll(parts.getT1());
			overview.putAll(parts.getT2());
			overview.putAll(parts.getT3());
			return overview;
		});
	}

	private static long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
