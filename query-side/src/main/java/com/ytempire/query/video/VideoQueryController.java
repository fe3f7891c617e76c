package com.ytempire.query.video;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Videos: lists (all, or one channel's) and one video with its stage history and cost
 * items, the last level of the drill-down.
 */
@RestController
class VideoQueryController {

	static final List<String> COLUMNS = List.of("videoId", "channelId", "title", "topic", "style", "publishAt",
			"targetLengthSeconds", "costCapMicros", "stage", "stageEnteredAt", "failureReason", "externalVideoId",
			"renderPath", "totalCostMicros", "costItems", "scheduledAt", "updatedAt");

	private static final String COLUMNS_SQL = "video_id, channel_id, title, topic, style, publish_at,"
			+ " target_length_seconds, cost_cap_micros, stage, stage_entered_at, failure_reason, external_video_id,"
			+ " render_path, total_cost_micros, cost_items, scheduled_at, updated_at FROM rm_video";

	private static final Map<String, Sort> SORTS = Map.of("scheduledAt",
			new Sort("scheduledAt", "scheduled_at", "timestamptz", "scheduledAt"), "updatedAt",
			new Sort("updatedAt", "updated_at", "timestamptz", "updatedAt"), "publishAt",
			new Sort("publishAt", "publish_at", "timestamptz", "publishAt"), "totalCost",
			new Sort("totalCost", "total_cost_micros", "bigint", "totalCostMicros"));

	private final DatabaseClient database;

	private final Exports exports;

	VideoQueryController(ConnectionFactory connections, Exports exports) {
		this.database = DatabaseClient.create(connections);
		this.exports = exports;
	}

	@GetMapping("/api/v1/videos")
	@ApiResponse(responseCode = "200",
			description = "A page of videos; with format=csv or format=json every row as an attachment (json: an array of rows)",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = Page.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	Mono<ResponseEntity<Flux<DataBuffer>>> list(@RequestParam(required = false) String channelId,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String order, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) String format) {
		VideoStage wanted = Params.oneOf("stage", stage, VideoStage.class);
		Instant since = Params.instant("from", from, null);
		Instant until = Params.instant("to", to, null);
		Params.range(since, until);
		Sort by = Params.choice("sort", sort, "scheduledAt", SORTS::get,
				SORTS.keySet().stream().sorted().toArray(String[]::new));
		boolean descending = Params.choice("order", order, "desc", "desc"::equals, "asc", "desc");
		Select select = new Select(COLUMNS_SQL, "video_id")
			.where("channel_id = :channelId", "channelId",
					(channelId != null && !channelId.isBlank()) ? channelId : null)
			.where("stage = :stage", "stage", (wanted != null) ? wanted.name() : null)
			.where("scheduled_at >= :from", "from", since)
			.where("scheduled_at < :to", "to", until)
			.orderBy(by, descending);
		if (Exports.isExport(format)) {
			if (cursor != null) {
				throw new BadQuery("An export streams every row; it takes no 'cursor'");
			}
			return Mono.just(this.exports.export(format, "videos", COLUMNS, select.fetch(this.database)));
		}
		return Page.of(select.after(cursor), Params.limit(limit), this.database, "videoId")
			.map((page) -> this.exports.json(page));
	}

	@GetMapping("/api/v1/channels/{channelId}/videos")
	@ApiResponse(responseCode = "200",
			description = "A page of the channel's videos; with format=csv or format=json every row as an attachment (json: an array of rows)",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = Page.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "404", description = "There is no channel with this id")
	Mono<ResponseEntity<Flux<DataBuffer>>> ofChannel(@PathVariable String channelId,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String order, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) String format) {
		return this.database.sql("SELECT 1 FROM rm_channel WHERE channel_id = :id")
			.bind("id", channelId)
			.map((row, metadata) -> true)
			.one()
			.switchIfEmpty(Mono.error(() -> new NotFound("There is no channel with id " + channelId)))
			.flatMap((exists) -> list(channelId, stage, from, to, sort, order, limit, cursor, format));
	}

	@GetMapping("/api/v1/videos/{videoId}")
	@ApiResponse(responseCode = "200", description = "The video with its stages, costs and rendered media")
	@ApiResponse(responseCode = "404", description = "There is no video with this id")
	Mono<Map<String, Object>> video(@PathVariable String videoId) {
		Mono<Map<String, Object>> video = new Select(COLUMNS_SQL, "video_id").where("video_id = :id", "id", videoId)
			.fetch(this.database)
			.next()
			.switchIfEmpty(Mono.error(() -> new NotFound("There is no video with id " + videoId)));
		Mono<List<Map<String, Object>>> stages = new Select("stage, entered_at, position, detail FROM rm_video_stage",
				"stage_index")
			.where("video_id = :id", "id", videoId)
			.orderBy(new Sort("index", "stage_index", "integer", "stageIndex"), false)
			.fetch(this.database)
			.collectList();
		Mono<List<Map<String, Object>>> costs = new Select(
				"cost_id, category, amount_micros, provider, units, recorded_at, position FROM rm_video_cost",
				"cost_id")
			.where("video_id = :id", "id", videoId)
			.orderBy(new Sort("position", "position", "bigint", "position"), false)
			.fetch(this.database)
			.collectList();
		Mono<Map<String, Object>> rendered = new Select(
				"video_content_hash, video_media_type, video_size_bytes, video_duration_millis FROM rm_video",
				"video_id")
			.where("video_id = :id", "id", videoId)
			.fetch(this.database)
			.next()
			.defaultIfEmpty(Map.of());
		return Mono.zip(video, stages, costs, rendered).map((parts) -> {
			Map<String, Object> detail = new LinkedHashMap<>(parts.getT1());
			detail.put("stages", timed(parts.getT2()));
			detail.put("costs", parts.getT3());
			detail.put("video", renderedVideo(parts.getT4()));
			return detail;
		});
	}

	/** The rendered MP4, served by the media endpoint, or null before the render. */
	private static Map<String, Object> renderedVideo(Map<String, Object> row) {
		if (row.get("videoContentHash") == null) {
			return null;
		}
		Map<String, Object> video = new LinkedHashMap<>();
		video.put("contentHash", row.get("videoContentHash"));
		video.put("mediaType", row.get("videoMediaType"));
		video.put("sizeBytes", row.get("videoSizeBytes"));
		video.put("durationMillis", row.get("videoDurationMillis"));
		video.put("href", "/api/v1/media/" + row.get("videoContentHash"));
		return video;
	}

	/** Adds how long the video stayed in each stage it has left. */
	private static List<Map<String, Object>> timed(List<Map<String, Object>> stages) {
		List<Map<String, Object>> timed = new ArrayList<>(stages.size());
		for (int i = 0; i < stages.size(); i++) {
			Map<String, Object> stage = new LinkedHashMap<>(stages.get(i));
			if (i + 1 < stages.size()) {
				Instant entered = Instant.parse((String) stage.get("enteredAt"));
				Instant left = Instant.parse((String) stages.get(i + 1).get("enteredAt"));
				stage.put("durationMillis", Duration.between(entered, left).toMillis());
			}
			timed.add(stage);
		}
		return timed;
	}

}
