package com.ytempire.projections.timeseries;

import java.time.OffsetDateTime;
import java.util.List;

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
 * for the whole platform (channel {@value #ALL}). Minutes with nothing stay absent.
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
		return List.of("rm_series_minute");
	}

	@Override
	public void apply(List<Envelope> events, TableSet tables) {
		Totals<Bucket> buckets = new Totals<>(3);
		for (Envelope event : events) {
			long[] amounts = amounts(event.payload());
			if (amounts == null) {
				continue;
			}
			OffsetDateTime minute = Rows.minute(event.timestamp());
			buckets.add(new Bucket(channelOf(event.payload()), minute), amounts);
			buckets.add(new Bucket(ALL, minute), amounts);
		}
		Rows.write(this.jdbc, "INSERT INTO " + tables.of("rm_series_minute")
				+ " AS t (channel_id, minute, videos_generated, failures, cost_micros) VALUES (?, ?, ?, ?, ?)"
				+ " ON CONFLICT (channel_id, minute) DO UPDATE SET"
				+ " videos_generated = t.videos_generated + excluded.videos_generated,"
				+ " failures = t.failures + excluded.failures, cost_micros = t.cost_micros + excluded.cost_micros",
				buckets.rows((bucket) -> new Object[] { bucket.channelId(), bucket.minute() }));
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
