package com.ytempire.query.channel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.video.VideoStage;
import com.ytempire.query.support.BadQuery;
import com.ytempire.query.support.Exports;
import com.ytempire.query.support.NotFound;
import com.ytempire.query.support.Page;
import com.ytempire.query.support.Params;
import com.ytempire.query.support.Select;
import com.ytempire.query.support.Select.Sort;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channels as the dashboards list them, and one channel's summary: the first and second
 * levels of the drill-down.
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelQueryController {

	static final List<String> COLUMNS = List.of("channelId", "name", "niche", "youtubeChannelRef", "status",
			"dailyVideoQuota", "costCapMicros", "dailyBudgetMicros", "createdAt", "lastActivity", "videosTotal",
			"published", "failed", "totalCostMicros", "avgCostMicros");

	private static final Map<String, Sort> SORTS = Map.of("name", new Sort("name", "name", "varchar", "name"),
			"lastActivity", new Sort("lastActivity", "last_activity", "timestamptz", "lastActivity"), "createdAt",
			new Sort("createdAt", "created_at", "timestamptz", "createdAt"), "totalCost",
			new Sort("totalCost", "total_cost_micros", "bigint", "totalCostMicros"), "avgCost",
			new Sort("avgCost", "avg_cost_micros", "bigint", "avgCostMicros"), "published",
			new Sort("published", "published", "integer", "published"), "failed",
			new Sort("failed", "failed", "integer", "failed"), "videos",
			new Sort("videos", "videos_total", "integer", "videosTotal"));

	private final DatabaseClient database;

	private final Exports exports;

	ChannelQueryController(ConnectionFactory connections, Exports exports) {
		this.database = DatabaseClient.create(connections);
		this.exports = exports;
	}

	@GetMapping
	@ApiResponse(responseCode = "200",
			description = "A page of channels; with format=csv or format=json every row as an attachment (json: an array of rows)",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = Page.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	Mono<ResponseEntity<Flux<DataBuffer>>> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String niche, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String order,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String format) {
		ChannelStatus wanted = Params.oneOf("status", status, ChannelStatus.class);
		Sort by = Params.choice("sort", sort, "name", SORTS::get,
				SORTS.keySet().stream().sorted().toArray(String[]::new));
		boolean descending = Params.choice("order", order, "asc", "desc"::equals, "asc", "desc");
		Select select = new Select("* FROM rm_channel", "channel_id")
			.where("status = :status", "status", (wanted != null) ? wanted.name() : null)
			.where("niche = :niche", "niche", blankToNull(niche))
			.where("name ILIKE :q", "q", (q != null && !q.isBlank()) ? "%" + like(q.strip()) + "%" : null)
			.orderBy(by, descending);
		if (Exports.isExport(format)) {
			if (cursor != null) {
				throw new BadQuery("An export streams every row; it takes no 'cursor'");
			}
			return Mono.just(this.exports.export(format, "channels", COLUMNS,
					select.fetch(this.database).map(ChannelQueryController::present)));
		}
		int size = Params.limit(limit);
		return Page.of(select.after(cursor), size, this.database, "channelId")
			.map((page) -> new Page(page.items().stream().map(ChannelQueryController::present).toList(),
					page.nextCursor()))
			.map((page) -> this.exports.json(page));
	}

	@GetMapping("/{channelId}")
	@ApiResponse(responseCode = "200", description = "The channel's summary")
	@ApiResponse(responseCode = "404", description = "There is no channel with this id")
	Mono<Map<String, Object>> channel(@PathVariable String channelId) {
		Mono<Map<String, Object>> summary = new Select("* FROM rm_channel", "channel_id")
			.where("channel_id = :id", "id", channelId)
			.fetch(this.database)
			.next()
			.map(ChannelQueryController::present)
			.switchIfEmpty(Mono.error(() -> new NotFound("There is no channel with id " + channelId)));
		Mono<Map<String, Object>> caps = this.database
			.sql("SELECT count(*) AS videos, count(*) FILTER (WHERE total_micros > cap_micros) AS over_cap"
					+ " FROM rm_cost_video WHERE channel_id = :id")
			.bind("id", channelId)
			.map((row, metadata) -> Map.<String, Object>of("videos", row.get("videos", Long.class), "overCap",
					row.get("over_cap", Long.class)))
			.one();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Mono<Long> spentToday = this.database.sql(
				"SELECT coalesce(sum(total_micros), 0) AS spent FROM rm_cost_daily WHERE channel_id = :id AND day = :day")
			.bind("id", channelId)
			.bind("day", today)
			.map((row, metadata) -> ((Number) row.get("spent")).longValue())
			.one();
		return Mono.zip(summary, caps, spentToday).map((parts) -> {
			Map<String, Object> channel = new LinkedHashMap<>(parts.getT1());
			long costed = (Long) parts.getT2().get("videos");
			long overCap = (Long) parts.getT2().get("overCap");
			channel.put("videosOverCap", overCap);
			channel.put("overCapShare", (costed == 0) ? 0.0 : (double) overCap / costed);
			channel.put("spentTodayMicros", parts.getT3());
			return channel;
		});
	}

	/** Names the stage counts, which the table keeps as an array indexed by stage. */
	static Map<String, Object> present(Map<String, Object> row) {
		Map<String, Object> channel = new LinkedHashMap<>(row);
		Object stages = channel.remove("videosByStage");
		Map<String, Integer> byStage = new LinkedHashMap<>();
		if (stages instanceof Integer[] counts) {
			for (VideoStage stage : VideoStage.values()) {
				byStage.put(stage.name(), (stage.ordinal() < counts.length) ? counts[stage.ordinal()] : 0);
			}
		}
		channel.put("videosByStage", byStage);
		return channel;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
