package com.ytempire.query.cost;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.ytempire.api.video.CostCategory;
import com.ytempire.query.support.BadQuery;
import com.ytempire.query.support.Exports;
import com.ytempire.query.support.Params;
import com.ytempire.query.support.RowMaps;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cost analytics: totals per day, week or month by channel and category; the distribution
 * of cost per video and the share over the cap; each channel's daily budget burn.
 */
@RestController
@RequestMapping("/api/v1/costs")
class CostQueryController {

	private static final List<String> TOTAL_COLUMNS = List.of("period", "channelId", "category", "totalMicros",
			"items");

	private static final int MAX_DAYS = 3660;

	private final DatabaseClient database;

	private final Exports exports;

	CostQueryController(ConnectionFactory connections, Exports exports) {
		this.database = DatabaseClient.create(connections);
		this.exports = exports;
	}

	@GetMapping
	@ApiResponse(responseCode = "200",
			description = "Totals per period, channel and category; with format=csv or format=json every row as an attachment (json: an array of rows)",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = Object.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	Mono<ResponseEntity<Flux<DataBuffer>>> totals(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String period,
			@RequestParam(required = false) String channelId, @RequestParam(required = false) String category,
			@RequestParam(required = false) String format) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate until = day("to", to, today);
		LocalDate since = day("from", from, until.minusDays(30));
		if (since.isAfter(until) || since.plusDays(MAX_DAYS).isBefore(until)) {
			throw new BadQuery("'from' must not be after 'to', and the range must be at most " + MAX_DAYS + " days");
		}
		String unit = Params.choice("period", period, "day", (chosen) -> chosen, "day", "week", "month");
		CostCategory wanted = Params.oneOf("category", category, CostCategory.class);
		StringBuilder sql = new StringBuilder("SELECT to_char(date_trunc('" + unit
				+ "', day), 'YYYY-MM-DD') AS period, channel_id, category, sum(total_micros) AS total_micros,"
				+ " sum(items) AS items FROM rm_cost_daily WHERE day >= :from AND day <= :to");
		if (channelId != null && !channelId.isBlank()) {
			sql.append(" AND channel_id = :channelId");
		}
		if (wanted != null) {
			sql.append(" AND category = :category");
		}
		sql.append(" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(sql.toString())
			.bind("from", since)
			.bind("to", until);
		if (channelId != null && !channelId.isBlank()) {
			spec = spec.bind("channelId", channelId);
		}
		if (wanted != null) {
			spec = spec.bind("category", wanted.name());
		}
		Flux<Map<String, Object>> rows = spec.map((row, metadata) -> RowMaps.of(row)).all();
		if (Exports.isExport(format)) {
			return Mono.just(this.exports.export(format, "costs", TOTAL_COLUMNS, rows));
		}
		return rows.collectList()
			.map((totals) -> Map.of("from", since.toString(), "to", until.toString(), "period", unit, "totals", totals))
			.map((body) -> this.exports.json(body));
	}

	/**
	 * How many videos cost how much, in buckets of {@code bucketMicros}, and how many
	 * passed their cap.
	 */
	@GetMapping("/videos")
	Mono<Map<String, Object>> perVideo(@RequestParam(required = false) String channelId,
			@RequestParam(required = false) Long bucketMicros) {
		long bucket = (bucketMicros != null) ? bucketMicros : 50_000;
		if (bucket < 1_000 || bucket > 1_000_000_000L) {
			throw new BadQuery("'bucketMicros' must be between 1000 and 1000000000");
		}
		String filter = (channelId != null && !channelId.isBlank()) ? " WHERE channel_id = :channelId" : "";
		DatabaseClient.GenericExecuteSpec distribution = this.database
			.sql("SELECT (total_micros / :bucket) * :bucket AS from_micros, count(*) AS videos FROM rm_cost_video"
					+ filter + " GROUP BY 1 ORDER BY 1")
			.bind("bucket", bucket);
		DatabaseClient.GenericExecuteSpec share = this.database
			.sql("SELECT count(*) AS videos, count(*) FILTER (WHERE total_micros > cap_micros) AS over_cap,"
					+ " count(*) FILTER (WHERE halted) AS halted FROM rm_cost_video" + filter);
		if (!filter.isEmpty()) {
			distribution = distribution.bind("channelId", channelId);
			share = share.bind("channelId", channelId);
		}
		return Mono
			.zip(distribution.map((row, metadata) -> RowMaps.of(row)).all().collectList(),
					share.map((row, metadata) -> RowMaps.of(row)).one())
			.map((parts) -> {
				long videos = (Long) parts.getT2().get("videos");
				long overCap = (Long) parts.getT2().get("overCap");
				return Map.of("bucketMicros", bucket, "distribution", parts.getT1(), "videos", videos, "videosOverCap",
						overCap, "videosHalted", parts.getT2().get("halted"), "overCapShare",
						(videos == 0) ? 0.0 : (double) overCap / videos);
			});
	}

	/** What each channel spent on one UTC day against its daily budget. */
	@GetMapping("/budget")
	Mono<Map<String, Object>> budget(@RequestParam(required = false) String day) {
		LocalDate date = day("day", day, LocalDate.now(ZoneOffset.UTC));
		return this.database
			.sql("SELECT c.channel_id, c.name, c.daily_budget_micros, coalesce(sum(d.total_micros), 0) AS spent_micros"
					+ " FROM rm_channel c LEFT JOIN rm_cost_daily d ON d.channel_id = c.channel_id AND d.day = :day"
					+ " GROUP BY c.channel_id, c.name, c.daily_budget_micros ORDER BY spent_micros DESC, c.channel_id")
			.bind("day", date)
			.map((row, metadata) -> RowMaps.of(row))
			.all()
			.map((row) -> {
				long budget = ((Number) row.get("dailyBudgetMicros")).longValue();
				long spent = ((Number) row.get("spentMicros")).longValue();
				row.put("burn", (budget == 0) ? null : (double) spent / budget);
				return row;
			})
			.collectList()
			.map((channels) -> Map.of("day", date.toString(), "channels", channels));
	}

	private static LocalDate day(String name, String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadQuery("'" + name + "' must be a date such as 2026-12-01");
		}
	}

}
