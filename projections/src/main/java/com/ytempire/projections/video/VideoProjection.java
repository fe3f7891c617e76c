package com.ytempire.projections.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.RenderStartedEvent;
import com.ytempire.api.video.VideoFailedEvent;
import com.ytempire.api.video.VideoPublishedEvent;
import com.ytempire.api.video.VideoRenderedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.api.video.VideoStage;
import com.ytempire.projections.batch.Envelope;
import com.ytempire.projections.batch.Projection;
import com.ytempire.projections.batch.Rows;
import com.ytempire.projections.batch.StoredPositions;
import com.ytempire.projections.batch.TableSet;
import org.axonframework.config.ProcessingGroup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Videos for lists and detail: the current stage, every stage with when it was entered
 * (timings), the failure reason and every cost item.
 */
@Component
@ProcessingGroup(VideoProjection.NAME)
class VideoProjection extends Projection {

	static final String NAME = "videos";

	private final JdbcTemplate jdbc;

	VideoProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> tables() {
		return List.of("rm_video", "rm_video_stage", "rm_video_cost");
	}

	@Override
	public void apply(List<Envelope> events, TableSet tables) {
		Set<String> known = new LinkedHashSet<>();
		for (Envelope event : events) {
			String videoId = StageChanges.videoId(event.payload());
			if (videoId != null && !(event.payload() instanceof VideoScheduledEvent)) {
				known.add(videoId);
			}
		}
		Map<String, VideoRow> videos = new LinkedHashMap<>();
		Rows.byKeys(this.jdbc, "SELECT * FROM " + tables.of("rm_video") + " WHERE video_id = ANY (?)", known,
				(rs, n) -> VideoRow.read(rs))
			.forEach((row) -> videos.put(row.videoId, row));
		StoredPositions positions = StoredPositions.of(this.jdbc, events);
		Map<String, VideoRow> dirty = new LinkedHashMap<>();
		List<Object[]> stages = new ArrayList<>();
		List<Object[]> costs = new ArrayList<>();
		for (Envelope event : events) {
			Object payload = event.payload();
			if (payload instanceof VideoScheduledEvent scheduled) {
				videos.put(scheduled.videoId(), VideoRow.scheduled(scheduled, event.timestamp()));
			}
			String videoId = StageChanges.videoId(payload);
			VideoRow video = (videoId != null) ? videos.get(videoId) : null;
			if (video == null) {
				continue;
			}
			if (!(payload instanceof CostRecordedEvent) && StageChanges.stageAfter(payload) == null) {
				// Production's own bookkeeping (attempts started and failed) moves no
				// stage.
				continue;
			}
			video.updatedAt = event.timestamp();
			dirty.put(videoId, video);
			if (payload instanceof CostRecordedEvent cost) {
				video.totalCostMicros = cost.totalCostMicros();
				video.costItems++;
				costs.add(new Object[] { videoId, cost.costId(), cost.channelId(), cost.category().name(),
						cost.amountMicros(), cost.provider(), cost.units(), Rows.utc(event.timestamp()),
						positions.of(event) });
				continue;
			}
			VideoStage next = StageChanges.stageAfter(payload);
			video.stage = next;
			video.stageEnteredAt = event.timestamp();
			String detail = StageChanges.detail(payload);
			if (payload instanceof VideoFailedEvent failed) {
				video.failureReason = failed.reason();
			}
			else if (payload instanceof VideoPublishedEvent published) {
				video.externalVideoId = published.externalVideoId();
				detail = published.externalVideoId();
			}
			else if (payload instanceof VideoRenderedEvent rendered) {
				video.renderedVideo = rendered.video();
				video.renderedMillis = rendered.durationMillis();
			}
			else if (payload instanceof RenderStartedEvent render) {
				video.renderPath = render.renderPath();
				detail = render.renderPath();
			}
			stages.add(new Object[] { videoId, video.stageCount, next.name(), Rows.utc(event.timestamp()),
					positions.of(event), detail });
			video.stageCount++;
		}
		write(tables, dirty.values(), stages, costs);
	}

	private void write(TableSet tables, java.util.Collection<VideoRow> videos, List<Object[]> stages,
			List<Object[]> costs) {
		Rows.write(this.jdbc, "INSERT INTO " + tables.of("rm_video")
				+ " (video_id, channel_id, title, topic, style, publish_at, target_length_seconds, cost_cap_micros,"
				+ " stage, stage_entered_at, stage_count, failure_reason, external_video_id, render_path,"
				+ " total_cost_micros, cost_items, scheduled_at, updated_at, video_content_hash, video_media_type,"
				+ " video_size_bytes, video_duration_millis)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
				+ " ON CONFLICT (video_id) DO UPDATE SET"
				+ " stage = excluded.stage, stage_entered_at = excluded.stage_entered_at,"
				+ " stage_count = excluded.stage_count, failure_reason = excluded.failure_reason,"
				+ " external_video_id = excluded.external_video_id, render_path = excluded.render_path,"
				+ " total_cost_micros = excluded.total_cost_micros, cost_items = excluded.cost_items,"
				+ " updated_at = excluded.updated_at, video_content_hash = excluded.video_content_hash,"
				+ " video_media_type = excluded.video_media_type, video_size_bytes = excluded.video_size_bytes,"
				+ " video_duration_millis = excluded.video_duration_millis",
				videos.stream().map(VideoRow::values).toList());
		Rows.write(this.jdbc,
				"INSERT INTO " + tables.of("rm_video_stage")
						+ " (video_id, stage_index, stage, entered_at, position, detail) VALUES (?, ?, ?, ?, ?, ?)"
						+ " ON CONFLICT DO NOTHING",
				stages);
		Rows.write(this.jdbc, "INSERT INTO " + tables.of("rm_video_cost")
				+ " (video_id, cost_id, channel_id, category, amount_micros, provider, units, recorded_at, position)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", costs);
	}

	/** A video's row while a batch is folded into it. */
	private static final class VideoRow {

		private String videoId;

		private String channelId;

		private String title;

		private String topic;

		private String style;

		private Instant publishAt;

		private int targetLengthSeconds;

		private long costCapMicros;

		private VideoStage stage;

		private Instant stageEnteredAt;

		private int stageCount;

		private String failureReason;

		private String externalVideoId;

		private String renderPath;

		private long totalCostMicros;

		private int costItems;

		private Instant scheduledAt;

		private Instant updatedAt;

		private MediaRef renderedVideo;

		private Long renderedMillis;

		static VideoRow scheduled(VideoScheduledEvent event, Instant at) {
			VideoRow row = new VideoRow();
			row.videoId = event.videoId();
			row.channelId = event.channelId();
			row.title = event.title();
			row.topic = event.topic();
			row.style = event.style();
			row.publishAt = event.publishAt();
			row.targetLengthSeconds = event.targetLengthSeconds();
			row.costCapMicros = event.costCapMicros();
			row.scheduledAt = at;
			return row;
		}

		static VideoRow read(ResultSet rs) throws SQLException {
			VideoRow row = new VideoRow();
			row.videoId = rs.getString("video_id");
			row.channelId = rs.getString("channel_id");
			row.title = rs.getString("title");
			row.topic = rs.getString("topic");
			row.style = rs.getString("style");
			row.publishAt = Rows.instant(rs.getObject("publish_at", OffsetDateTime.class));
			row.targetLengthSeconds = rs.getInt("target_length_seconds");
			row.costCapMicros = rs.getLong("cost_cap_micros");
			row.stage = VideoStage.valueOf(rs.getString("stage"));
			row.stageEnteredAt = Rows.instant(rs.getObject("stage_entered_at", OffsetDateTime.class));
			row.stageCount = rs.getInt("stage_count");
			row.failureReason = rs.getString("failure_reason");
			row.externalVideoId = rs.getString("external_video_id");
			row.renderPath = rs.getString("render_path");
			row.totalCostMicros = rs.getLong("total_cost_micros");
			row.costItems = rs.getInt("cost_items");
			row.scheduledAt = Rows.instant(rs.getObject("scheduled_at", OffsetDateTime.class));
			row.updatedAt = Rows.instant(rs.getObject("updated_at", OffsetDateTime.class));
			String hash = rs.getString("video_content_hash");
			if (hash != null) {
				row.renderedVideo = new MediaRef(hash, rs.getString("video_media_type"),
						rs.getLong("video_size_bytes"));
				row.renderedMillis = rs.getLong("video_duration_millis");
			}
			return row;
		}

		Object[] values() {
			return new Object[] { this.videoId, this.channelId, this.title, this.topic, this.style,
					Rows.utc(this.publishAt), this.targetLengthSeconds, this.costCapMicros, this.stage.name(),
					Rows.utc(this.stageEnteredAt), this.stageCount, this.failureReason, this.externalVideoId,
					this.renderPath, this.totalCostMicros, this.costItems, Rows.utc(this.scheduledAt),
					Rows.utc(this.updatedAt), (this.renderedVideo != null) ? this.renderedVideo.contentHash() : null,
					(this.renderedVideo != null) ? this.renderedVideo.mediaType() : null,
					(this.renderedVideo != null) ? this.renderedVideo.sizeBytes() : null, this.renderedMillis };
		}

	}

}
