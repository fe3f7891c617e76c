package com.ytempire.projections.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ytempire.api.channel.ChannelArchivedEvent;
import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelPausedEvent;
import com.ytempire.api.channel.ChannelResumedEvent;
import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.VideoFailedEvent;
import com.ytempire.api.video.VideoHaltedEvent;
import com.ytempire.api.video.VideoPublishedEvent;
import com.ytempire.api.video.VideoRenderedEvent;
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
 * The platform dashboard's figures: channels by status and, per UTC day, videos
 * scheduled, generated (rendered), published, failed and halted, and money spent. The
 * last-hour figures come from the per-minute time series.
 */
@Component
@ProcessingGroup(PlatformOverviewProjection.NAME)
class PlatformOverviewProjection extends Projection {

	static final String NAME = "platform-overview";

	private static final int SCHEDULED = 0;

	private static final int GENERATED = 1;

	private static final int PUBLISHED = 2;

	private static final int FAILED = 3;

	private static final int HALTED = 4;

	private static final int COST = 5;

	private final JdbcTemplate jdbc;

	PlatformOverviewProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> tables() {
		return List.of("rm_overview_channel", "rm_overview_day");
	}

	@Override
	public void apply(List<Envelope> events, TableSet tables) {
		Map<String, Object[]> statuses = new LinkedHashMap<>();
		Totals<String> days = new Totals<>(6);
		for (Envelope event : events) {
			Object payload = event.payload();
			String day = Rows.day(event.timestamp()).toString();
			if (payload instanceof ChannelCreatedEvent created) {
				statuses.put(created.channelId(), status(created.channelId(), ChannelStatus.ACTIVE, event));
			}
			else if (payload instanceof ChannelResumedEvent resumed) {
				statuses.put(resumed.channelId(), status(resumed.channelId(), ChannelStatus.ACTIVE, event));
			}
			else if (payload instanceof ChannelPausedEvent paused) {
				statuses.put(paused.channelId(), status(paused.channelId(), ChannelStatus.PAUSED, event));
			}
			else if (payload instanceof ChannelArchivedEvent archived) {
				statuses.put(archived.channelId(), status(archived.channelId(), ChannelStatus.ARCHIVED, event));
			}
			else if (payload instanceof VideoScheduledEvent) {
				days.add(day, count(SCHEDULED));
			}
			else if (payload instanceof VideoRenderedEvent) {
				days.add(day, count(GENERATED));
			}
			else if (payload instanceof VideoPublishedEvent) {
				days.add(day, count(PUBLISHED));
			}
			else if (payload instanceof VideoFailedEvent) {
				days.add(day, count(FAILED));
			}
			else if (payload instanceof VideoHaltedEvent) {
				days.add(day, count(HALTED));
			}
			else if (payload instanceof CostRecordedEvent cost) {
				long[] amounts = new long[COST + 1];
				amounts[COST] = cost.amountMicros();
				days.add(day, amounts);
			}
		}
		Rows.write(this.jdbc,
				"INSERT INTO " + tables.of("rm_overview_channel")
						+ " (channel_id, status, changed_at) VALUES (?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET"
						+ " status = excluded.status, changed_at = excluded.changed_at",
				List.copyOf(statuses.values()));
		Rows.write(this.jdbc, "INSERT INTO " + tables.of("rm_overview_day")
				+ " AS t (day, videos_scheduled, videos_generated, videos_published, failures, halted, cost_micros)"
				+ " VALUES (CAST(? AS DATE), ?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET"
				+ " videos_scheduled = t.videos_scheduled + excluded.videos_scheduled,"
				+ " videos_generated = t.videos_generated + excluded.videos_generated,"
				+ " videos_published = t.videos_published + excluded.videos_published,"
				+ " failures = t.failures + excluded.failures, halted = t.halted + excluded.halted,"
				+ " cost_micros = t.cost_micros + excluded.cost_micros", days.rows((day) -> new Object[] { day }));
	}

	private static Object[] status(String channelId, ChannelStatus status, Envelope event) {
		return new Object[] { channelId, status.name(), Rows.utc(event.timestamp()) };
	}

	private static long[] count(int column) {
		long[] amounts = new long[COST + 1];
		amounts[column] = 1;
		return amounts;
	}

}
