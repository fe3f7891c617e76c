package com.ytempire.projections.timeseries;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.VideoFailedEvent;
import com.ytempire.api.video.VideoRenderedEvent;
import com.ytempire.projections.batch.Envelope;
import com.ytempire.projections.batch.Projection;
import com.ytempire.projections.batch.Rows;
import com.ytempire.projections.batch.TableSet;
import com.ytempire.projections.batch.Totals;
import org.axonframework.config.ProcessingGroup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-minute buckets of videos generated (rendered), failures and cost, per channel and
 * for the whole platform (channel {@value #ALL}). Minutes with nothing stay absent. Each
 * hour is also rolled up, so long ranges are downsampled from far fewer rows.
 */
@Component
@ProcessingGroup(TimeSeriesProjection.NAME)
class TimeSeriesProjection extends Projection {

	static final String NAME = "time-series";

	static final String ALL = "*";

	private final JdbcTemplate jdbc;

	TimeSeriesProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> tables() {
		return List.of("rm_series_minute", "rm_series_hour");
	}

	@Override
	public void apply(List<Envelope> events, TableSet tables) {
		Totals<Bucket> buckets = new Totals<>(3);
		Set<Bucket> hours = new TreeSet<>();
		for (Envelope event : events) {
			long[] amounts = amounts(event.payload());
			if (amounts == null) {
				continue;
			}
			OffsetDateTime minute = Rows.minute(event.timestamp());
			OffsetDateTime hour = minute.truncatedTo(ChronoUnit.HOURS);
			for (String channel : List.of(channelOf(event.payload()), ALL)) {
				buckets.add(new Bucket(channel, minute), amounts);
				hours.add(new Bucket(channel, hour));
			}
		}
		Rows.write(this.jdbc, "INSERT INTO " + tables.of("rm_series_minute")
				+ " AS t (channel_id, minute, videos_generated, failures, cost_micros) VALUES (?, ?, ?, ?, ?)"
				+ " ON CONFLICT (channel_id, minute) DO UPDATE SET"
				+ " videos_generated = t.videos_generated + excluded.videos_generated,"
				+ " failures = t.failures + excluded.failures, cost_micros = t.cost_micros + excluded.cost_micros",
				buckets.rows((bucket) -> new Object[] { bucket.channelId(), bucket.minute() }));
		rollUp(tables, hours);
	}

	/**
	 * Recomputes the hours the batch touched from their minutes, in one statement. A
	 * minute's values only grow, so an hour's least value can rise: it cannot be kept by
	 * adding to it, only by looking at the minutes again.
	 */
	private void rollUp(TableSet tables, Set<Bucket> hours) {
		if (hours.isEmpty()) {
			return;
		}
		String[] channels = hours.stream().map(Bucket::channelId).toArray(String[]::new);
		String[] starts = hours.stream().map((hour) -> hour.minute().toInstant().toString()).toArray(String[]::new);
		this.jdbc.update("INSERT INTO " + tables.of("rm_series_hour")
				+ " (channel_id, hour, minutes, first_minute, last_minute, videos_generated_min,"
				+ " videos_generated_max, failures_min, failures_max, cost_micros_min, cost_micros_max)"
				+ " SELECT t.channel_id, t.hour, count(*), min(m.minute), max(m.minute), min(m.videos_generated),"
				+ " max(m.videos_generated), min(m.failures), max(m.failures), min(m.cost_micros), max(m.cost_micros)"
				+ " FROM (SELECT c AS channel_id, CAST(h AS timestamptz) AS hour FROM unnest(?, ?) AS u(c, h)) t"
				+ " JOIN " + tables.of("rm_series_minute") + " m ON m.channel_id = t.channel_id"
				+ " AND m.minute >= t.hour AND m.minute < t.hour + interval '1 hour' GROUP BY t.channel_id, t.hour"
				+ " ON CONFLICT (channel_id, hour) DO UPDATE SET minutes = excluded.minutes,"
				+ " first_minute = excluded.first_minute, last_minute = excluded.last_minute,"
				+ " videos_generated_min = excluded.videos_generated_min,"
				+ " videos_generated_max = excluded.videos_generated_max, failures_min = excluded.failures_min,"
				+ " failures_max = excluded.failures_max, cost_micros_min = excluded.cost_micros_min,"
				+ " cost_micros_max = excluded.cost_micros_max", (statement) -> {
					statement.setArray(1, statement.getConnection().createArrayOf("varchar", channels));
					statement.setArray(2, statement.getConnection().createArrayOf("varchar", starts));
				});
	}

	private static long[] amounts(Object payload) {
		if (payload instanceof VideoRenderedEvent) {
			return new long[] { 1, 0, 0 };
		}
		if (payload instanceof VideoFailedEvent) {
			return new long[] { 0, 1, 0 };
		}
		if (payload instanceof CostRecordedEvent cost) {
			return new long[] { 0, 0, cost.amountMicros() };
		}
		return null;
	}

	private static String channelOf(Object payload) {
		if (payload instanceof VideoRenderedEvent event) {
			return event.channelId();
		}
		if (payload instanceof VideoFailedEvent event) {
			return event.channelId();
		}
		return ((CostRecordedEvent) payload).channelId();
	}

	private record Bucket(String channelId, OffsetDateTime minute) implements Comparable<Bucket> {

		@Override
		public int compareTo(Bucket other) {
			int byChannel = this.channelId.compareTo(other.channelId);
			return (byChannel != 0) ? byChannel : this.minute.compareTo(other.minute);
		}

	}

}
