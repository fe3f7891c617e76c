package com.ytempire.projections.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.ytempire.api.channel.ChannelArchivedEvent;
import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelPausedEvent;
import com.ytempire.api.channel.ChannelResumedEvent;
import com.ytempire.api.channel.ChannelSettingsUpdatedEvent;
import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.api.video.VideoStage;
import com.ytempire.projections.batch.Envelope;
import com.ytempire.projections.batch.Projection;
import com.ytempire.projections.batch.Rows;
import com.ytempire.projections.batch.TableSet;
import com.ytempire.projections.video.StageChanges;
import org.axonframework.config.ProcessingGroup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per channel: its settings and status, how many of its videos are in each stage,
 * what they cost and when the channel last saw activity.
 */
@Component
@ProcessingGroup(ChannelSummaryProjection.NAME)
class ChannelSummaryProjection extends Projection {

	static final String NAME = "channel-summary";

	private final JdbcTemplate jdbc;

	ChannelSummaryProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> tables() {
		return List.of("rm_channel", "rm_channel_video");
	}

	@Override
	public void apply(List<Envelope> events, TableSet tables) {
		Set<String> channelIds = new LinkedHashSet<>();
		Set<String> videoIds = new LinkedHashSet<>();
		for (Envelope event : events) {
			String channelId = ChannelIds.of(event.payload());
			if (channelId != null) {
				channelIds.add(channelId);
			}
			String videoId = StageChanges.videoId(event.payload());
			if (videoId != null && !(event.payload() instanceof VideoScheduledEvent)) {
				videoIds.add(videoId);
			}
		}
		Map<String, ChannelRow> channels = new LinkedHashMap<>();
		Rows.byKeys(this.jdbc, "SELECT * FROM " + tables.of("rm_channel") + " WHERE channel_id = ANY (?)", channelIds,
				(rs, n) -> ChannelRow.read(rs))
			.forEach((row) -> channels.put(row.channelId, row));
		Map<String, VideoRow> videos = new HashMap<>();
		Rows.byKeys(this.jdbc,
				"SELECT video_id, channel_id, stage FROM " + tables.of("rm_channel_video")
						+ " WHERE video_id = ANY (?)",
				videoIds,
				(rs, n) -> new VideoRow(rs.getString(1), rs.getString(2), VideoStage.valueOf(rs.getString(3))))
			.forEach((row) -> videos.put(row.videoId, row));
		Set<ChannelRow> dirtyChannels = new LinkedHashSet<>();
		Map<String, VideoRow> dirtyVideos = new LinkedHashMap<>();
		for (Envelope event : events) {
			String channelId = ChannelIds.of(event.payload());
			if (channelId == null) {
				continue;
			}
			ChannelRow channel = channels.computeIfAbsent(channelId, (id) -> ChannelRow.unknown(id, event.timestamp()));
			if (apply(channel, event.payload(), videos, dirtyVideos)) {
				channel.lastActivity = max(channel.lastActivity, event.timestamp());
				dirtyChannels.add(channel);
			}
		}
		write(tables, dirtyChannels, dirtyVideos.values());
	}

	private static boolean apply(ChannelRow channel, Object payload, Map<String, VideoRow> videos,
			Map<String, VideoRow> dirtyVideos) {
		if (payload instanceof ChannelCreatedEvent created) {
			channel.name = created.name();
			channel.settings(created.settings());
			channel.status = ChannelStatus.ACTIVE;
		}
		else if (payload instanceof ChannelSettingsUpdatedEvent updated) {
			channel.settings(updated.settings());
		}
		else if (payload instanceof ChannelPausedEvent) {
			channel.status = ChannelStatus.PAUSED;
		}
		else if (payload instanceof ChannelResumedEvent) {
			channel.status = ChannelStatus.ACTIVE;
		}
		else if (payload instanceof ChannelArchivedEvent) {
			channel.status = ChannelStatus.ARCHIVED;
		}
		else if (payload instanceof VideoScheduledEvent scheduled) {
			VideoRow video = new VideoRow(scheduled.videoId(), channel.channelId, VideoStage.SCHEDULED);
			videos.put(video.videoId, video);
			dirtyVideos.put(video.videoId, video);
			channel.videosByStage[VideoStage.SCHEDULED.ordinal()]++;
			channel.videosTotal++;
		}
		else if (payload instanceof CostRecordedEvent cost) {
			channel.totalCostMicros += cost.amountMicros();
		}
		else {
			VideoStage next = StageChanges.stageAfter(payload);
			if (next == null) {
				return false;
			}
			VideoRow video = videos.get(StageChanges.videoId(payload));
			if (video == null) {
				return false;
			}
			channel.videosByStage[video.stage.ordinal()]--;
			channel.videosByStage[next.ordinal()]++;
			VideoRow moved = new VideoRow(video.videoId, video.channelId, next);
			videos.put(moved.videoId, moved);
			dirtyVideos.put(moved.videoId, moved);
		}
		return true;
	}

	private void write(TableSet tables, Set<ChannelRow> channels, java.util.Collection<VideoRow> videos) {
		Rows.write(this.jdbc, "INSERT INTO " + tables.of("rm_channel")
				+ " (channel_id, name, niche, youtube_channel_ref, status, daily_video_quota, cost_cap_micros,"
				+ " daily_budget_micros, created_at, last_activity, videos_by_stage, videos_total, published, failed,"
				+ " total_cost_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
				+ " ON CONFLICT (channel_id) DO UPDATE SET name = excluded.name, niche = excluded.niche,"
				+ " youtube_channel_ref = excluded.youtube_channel_ref, status = excluded.status,"
				+ " daily_video_quota = excluded.daily_video_quota, cost_cap_micros = excluded.cost_cap_micros,"
				+ " daily_budget_micros = excluded.daily_budget_micros, last_activity = excluded.last_activity,"
				+ " videos_by_stage = excluded.videos_by_stage, videos_total = excluded.videos_total,"
				+ " published = excluded.published, failed = excluded.failed,"
				+ " total_cost_micros = excluded.total_cost_micros",
				channels.stream().map(ChannelRow::values).toList());
		Rows.write(this.jdbc,
				"INSERT INTO " + tables.of("rm_channel_video") + " (video_id, channel_id, stage) VALUES (?, ?, ?)"
						+ " ON CONFLICT (video_id) DO UPDATE SET stage = excluded.stage",
				videos.stream()
					.map((video) -> new Object[] { video.videoId, video.channelId, video.stage.name() })
					.toList());
	}

	private static Instant max(Instant a, Instant b) {
		return (a == null || b.isAfter(a)) ? b : a;
	}

	private record VideoRow(String videoId, String channelId, VideoStage stage) {
	}

	/** A channel's row while a batch is folded into it. */
	private static final class ChannelRow {

		private final String channelId;

		private String name = "";

		private String niche;

		private String youtubeRef;

		private ChannelStatus status = ChannelStatus.ACTIVE;

		private int quota;

		private long capMicros;

		private long budgetMicros;

		private Instant createdAt;

		private Instant lastActivity;

		private int[] videosByStage = new int[VideoStage.values().length];

		private int videosTotal;

		private long totalCostMicros;

		private ChannelRow(String channelId) {
			this.channelId = channelId;
		}

		static ChannelRow unknown(String channelId, Instant at) {
			ChannelRow row = new ChannelRow(channelId);
			row.createdAt = at;
			row.lastActivity = at;
			return row;
		}

		static ChannelRow read(ResultSet rs) throws SQLException {
			ChannelRow row = new ChannelRow(rs.getString("channel_id"));
			row.name = rs.getString("name");
			row.niche = rs.getString("niche");
			row.youtubeRef = rs.getString("youtube_channel_ref");
			row.status = ChannelStatus.valueOf(rs.getString("status"));
			row.quota = rs.getInt("daily_video_quota");
			row.capMicros = rs.getLong("cost_cap_micros");
			row.budgetMicros = rs.getLong("daily_budget_micros");
			row.createdAt = Rows.instant(rs.getObject("created_at", java.time.OffsetDateTime.class));
			row.lastActivity = Rows.instant(rs.getObject("last_activity", java.time.OffsetDateTime.class));
			Integer[] stages = (Integer[]) rs.getArray("videos_by_stage").getArray();
			for (int i = 0; i < stages.length && i < row.videosByStage.length; i++) {
				row.videosByStage[i] = stages[i];
			}
			row.videosTotal = rs.getInt("videos_total");
			row.totalCostMicros = rs.getLong("total_cost_micros");
			return row;
		}

		void settings(com.ytempire.api.channel.ChannelSettings settings) {
			this.niche = settings.niche();
			this.youtubeRef = settings.youtubeChannelRef();
			this.quota = settings.dailyVideoQuota();
			this.capMicros = settings.costCapPerVideoMicros();
			this.budgetMicros = settings.dailyBudgetMicros();
		}

		Object[] values() {
			return new Object[] { this.channelId, this.name, this.niche, this.youtubeRef, this.status.name(),
					this.quota, this.capMicros, this.budgetMicros, Rows.utc(this.createdAt),
					Rows.utc(this.lastActivity), this.videosByStage, this.videosTotal,
					this.videosByStage[VideoStage.PUBLISHED.ordinal()], this.videosByStage[VideoStage.FAILED.ordinal()],
					this.totalCostMicros };
		}

	}

}
