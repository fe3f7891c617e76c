package com.ytempire.query.series;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ytempire.query.support.BadQuery;
import com.ytempire.query.support.Exports;
import com.ytempire.query.support.Params;
import io.r2dbc.spi.ConnectionFactory;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-minute series for charts. A range with more minutes than {@code maxPoints} comes
 * back as the minimum and maximum of each bucket, computed by PostgreSQL next to the
 * data: peaks survive, and the answer never holds more than {@code maxPoints} points.
 */
@RestController
class SeriesController {

	static final int DEFAULT_MAX_POINTS = 1000;

	static final int MAX_POINTS = 20_000;

	private static final Map<String, String> METRICS = Map.of("videos-generated", "videos_generated", "failures",
			"failures", "cost", "cost_micros");

	private static final List<String> COLUMNS = List.of("t", "v");

	private final DatabaseClient database;

	private final Exports exports;

	SeriesController(ConnectionFactory connections, Exports exports) {
		this.database = DatabaseClient.create(connections);
		this.exports = exports;
	}

	@GetMapping("/api/v1/series/{metric}")
	@ApiResponse(responseCode = "200",
			description = "The metric's points, down-sampled to at most maxPoints; with format=csv or format=json every row as an attachment (json: an array of rows)",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = Object.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	Mono<ResponseEntity<Flux<DataBuffer>>> series(@PathVariable String metric,
			@RequestParam(required = false) String channelId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Integer maxPoints,
			@RequestParam(required = false) String format) {
		String column = METRICS.get(metric);
		if (column == null) {
			throw new BadQuery("Unknown series '" + metric + "'; known: " + String.join(", ", METRICS.keySet()));
		}
		Instant until = Params.instant("to", to,
				Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
		Instant since = Params.instant("from", from, until.minus(1, ChronoUnit.DAYS));
		Params.range(since, until);
		int points = (maxPoints != null) ? maxPoints : DEFAULT_MAX_POINTS;
		if (points < 2 || points > MAX_POINTS) {
			throw new BadQuery("'maxPoints' must be between 2 and " + MAX_POINTS);
		}
		String channel = (channelId != null && !channelId.isBlank()) ? channelId.strip() : "*";
		long minutes = Math.max(1, Duration.between(since, until).toMinutes());
		long bucketMinutes = (minutes <= points) ? 1 : ceilDiv(minutes, points / 2);
		Instant origin = since;
		Flux<Map<String, Object>> rows;
		if (bucketMinutes == 1) {
			rows = raw(column, channel, since, until);
		}
		else if (bucketMinutes < 60) {
			rows = minMax(column, channel, since, until, since, bucketMinutes, false);
		}
		else {
			// Whole hours per bucket, counted from a whole hour, so each hour's roll-up
			// falls in one bucket.
			origin = since.truncatedTo(ChronoUnit.HOURS);
			bucketMinutes = ceilDiv(ceilDiv(Duration.between(origin, until).toMinutes(), points / 2), 60) * 60;
			rows = minMax(column, channel, since, until, origin, bucketMinutes, true);
		}
		if (Exports.isExport(format)) {
			return Mono.just(this.exports.export(format, "series-" + metric, COLUMNS, rows));
		}
		long width = bucketMinutes;
		return rows.collectList().map((list) -> {
			Map<String, Object> series = new LinkedHashMap<>();
			series.put("metric", metric);
			series.put("channelId", channel);
			series.put("from", since.toString());
			series.put("to", until.toString());
			series.put("bucketMinutes", width);
			series.put("points", list);
			return this.exports.json(series);
		});
	}

	private Flux<Map<String, Object>> raw(String column, String channel, Instant since, Instant until) {
		return this.database
			.sql("SELECT minute, " + column + " AS v FROM rm_series_minute"
					+ " WHERE channel_id = :channel AND minute >= :from AND minute < :to ORDER BY minute")
			.bind("channel", channel)
			.bind("from", since)
			.bind("to", until)
			.map((row, metadata) -> point(row.get("minute", java.time.OffsetDateTime.class).toInstant(),
					((Number) row.get("v")).longValue()))
			.all();
	}

	/**
	 * Two points per bucket: its minimum at its first minute and its maximum at its last.
	 * Minutes without a row count as zero, so a bucket with gaps has a minimum of zero.
	 * With {@code hourly}, the whole hours of the range come from their roll-ups and only
	 * the minutes of the partial hours at its ends from the minutes: the same answer from
	 * a sixtieth of the rows.
	 */
	private Flux<Map<String, Object>> minMax(String column, String channel, Instant since, Instant until,
			Instant origin, long bucketMinutes, boolean hourly) {
		Instant wholeFrom = hourly ? ceilHour(since) : until;
		Instant wholeTo = hourly ? max(wholeFrom, until.truncatedTo(ChronoUnit.HOURS)) : until;
		String bucket = "floor(extract(epoch FROM %s - :origin) / :width)::bigint";
		String minutes = "SELECT " + bucket.formatted("minute") + " AS b, minute AS first, minute AS last, " + column
				+ " AS lo, " + column + " AS hi, 1 AS n FROM rm_series_minute WHERE channel_id = :channel AND ";
		String rollUps = "SELECT " + bucket.formatted("hour") + ", first_minute, last_minute, " + column + "_min, "
				+ column + "_max, minutes FROM rm_series_hour"
				+ " WHERE channel_id = :channel AND hour >= :wholeFrom AND hour < :wholeTo";
		return this.database
			.sql("SELECT b, min(first) AS first, max(last) AS last, min(lo) AS lo, max(hi) AS hi, sum(n) AS n FROM ("
					+ minutes + "minute >= :from AND minute < :wholeFrom UNION ALL " + rollUps + " UNION ALL " + minutes
					+ "minute >= :wholeTo AND minute < :to) rows GROUP BY b ORDER BY b")
			.bind("channel", channel)
			.bind("from", since)
			.bind("to", until)
			.bind("origin", origin)
			.bind("wholeFrom", wholeFrom)
			.bind("wholeTo", wholeTo)
			.bind("width", (double) bucketMinutes * 60)
			.map((row, metadata) -> {
				long count = ((Number) row.get("n")).longValue();
				long low = (count < bucketMinutes) ? 0 : ((Number) row.get("lo")).longValue();
				Instant first = row.get("first", java.time.OffsetDateTime.class).toInstant();
				Instant last = row.get("last", java.time.OffsetDateTime.class).toInstant();
				long high = ((Number) row.get("hi")).longValue();
				return (count == 1 || low == high) ? List.of(point(last, high))
						: List.of(point(first, low), point(last, high));
			})
			.all()
			.flatMapIterable((pair) -> pair);
	}

	private static Instant ceilHour(Instant instant) {
		Instant hour = instant.truncatedTo(ChronoUnit.HOURS);
		return hour.equals(instant) ? hour : hour.plus(1, ChronoUnit.HOURS);
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Map<String, Object> point(Instant at, long value) {
		Map<String, Object> point = new LinkedHashMap<>();
		point.put("t", at.toString());
		point.put("v", value);
		return point;
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

}
