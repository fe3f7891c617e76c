package com.ytempire.projections.cost;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.VideoHaltedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.projections.batch.Envelope;
import com.ytempire.projections.batch.Projection;
import com.ytempire.projections.batch.Rows;
import com.ytempire.projections.batch.TableSet;
import com.ytempire.projections.batch.Totals;
import org.axonframework.config.ProcessingGroup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the money goes: totals per UTC day, channel and category (weeks and months are
 * sums of days), and each video's total against its cap for distributions and the share
 * of videos over the cap.
 */
@Component
@ProcessingGroup(CostAnalyticsProjection.NAME)
class CostAnalyticsProjection extends Projection {

	static final String NAME = "cost-analytics";

	private final JdbcTemplate jdbc;

	CostAnalyticsProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> tables() {
		return List.of("rm_cost_daily", "rm_cost_video");
	}

	@Override
	public void apply(List<Envelope> events, TableSet tables) {
		Totals<DayKey> daily = new Totals<>(2);
		Set<String> known = new LinkedHashSet<>();
		for (Envelope event : events) {
			if (event.payload() instanceof CostRecordedEvent cost) {
				daily.add(new DayKey(Rows.day(event.timestamp()).toString(), cost.channelId(), cost.category().name()),
						cost.amountMicros(), 1);
				known.add(cost.videoId());
			}
			else if (event.payload() instanceof VideoHaltedEvent halted) {
				known.add(halted.videoId());
			}
		}
		Map<String, VideoCost> videos = new LinkedHashMap<>();
		Rows.byKeys(this.jdbc,
				"SELECT video_id, channel_id, cap_micros, total_micros, halted FROM " + tables.of("rm_cost_video")
						+ " WHERE video_id = ANY (?)",
				known, (rs, n) -> new VideoCost(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getBoolean(5)))
			.forEach((row) -> videos.put(row.videoId(), row));
		Map<String, VideoCost> dirty = new LinkedHashMap<>();
		for (Envelope event : events) {
			VideoCost changed = null;
			if (event.payload() instanceof VideoScheduledEvent scheduled) {
				changed = new VideoCost(scheduled.videoId(), scheduled.channelId(), scheduled.costCapMicros(), 0,
						false);
			}
			else if (event.payload() instanceof CostRecordedEvent cost && videos.containsKey(cost.videoId())) {
				changed = videos.get(cost.videoId()).withTotal(cost.totalCostMicros());
			}
			else if (event.payload() instanceof VideoHaltedEvent halted && videos.containsKey(halted.videoId())) {
				changed = videos.get(halted.videoId()).halt();
			}
			if (changed != null) {
				videos.put(changed.videoId(), changed);
				dirty.put(changed.videoId(), changed);
			}
		}
		Rows.write(this.jdbc, "INSERT INTO " + tables.of("rm_cost_daily")
				+ " AS t (day, channel_id, category, total_micros, items) VALUES (CAST(? AS DATE), ?, ?, ?, ?)"
				+ " ON CONFLICT (day, channel_id, category) DO UPDATE SET"
				+ " total_micros = t.total_micros + excluded.total_micros," + " items = t.items + excluded.items",
				daily.rows((key) -> new Object[] { key.day(), key.channelId(), key.category() }));
		Rows.write(this.jdbc,
				"INSERT INTO " + tables.of("rm_cost_video")
						+ " (video_id, channel_id, cap_micros, total_micros, halted) VALUES (?, ?, ?, ?, ?)"
						+ " ON CONFLICT (video_id) DO UPDATE SET total_micros = excluded.total_micros,"
						+ " halted = excluded.halted",
				dirty.values()
					.stream()
					.map((video) -> new Object[] { video.videoId(), video.channelId(), video.capMicros(),
							video.totalMicros(), video.halted() })
					.toList());
	}

	private record DayKey(String day, String channelId, String category) implements Comparable<DayKey> {

		@Override
		public int compareTo(DayKey other) {
			return (this.day + '|' + this.channelId + '|' + this.category)
				.compareTo(other.day + '|' + other.channelId + '|' + other.category);
		}

	}

	private record VideoCost(String videoId, String channelId, long capMicros, long totalMicros, boolean halted) {

		VideoCost withTotal(long total) {
			return new VideoCost(this.videoId, this.channelId, this.capMicros, total, this.halted);
		}

		VideoCost halt() {
			return new VideoCost(this.videoId, this.channelId, this.capMicros, this.totalMicros, true);
		}

	}

}
