package com.ytempire.monitoring.business;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ytempire.api.channel.ChannelArchivedEvent;
import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelPausedEvent;
import com.ytempire.api.channel.ChannelResumedEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The number of active channels (exported as {@code active_channels}: a gauge cannot
 * carry the {@code _total} suffix of the operations document's name).
 * <p>
 * Unlike a counter, this gauge needs the whole history: it reads the channel lifecycle
 * events from the event store at start, then follows the ones this process commits. A
 * second node running at the same time (the idle colour of a blue-green pair) does not
 * see the other's changes until it restarts; the live colour is the one to chart.
 */
@ProcessingGroup(VideoMetrics.PROCESSING_GROUP)
class ActiveChannels {

	private static final String LIFECYCLE_EVENTS = "SELECT aggregateIdentifier, payloadType FROM DomainEventEntry"
			+ " WHERE globalIndex <= ? AND payloadType IN (?, ?, ?, ?) ORDER BY globalIndex";

	private final Map<String, Boolean> active = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	ActiveChannels(MeterRegistry registry, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		Gauge.builder("active.channels", this, ActiveChannels::count)
			.description("Channels that are neither paused nor archived")
			.register(registry);
	}

	void loadUpTo(long position) {
		this.active.clear();
		this.jdbc.query(LIFECYCLE_EVENTS, (row) -> {
			apply(row.getString(1), row.getString(2));
		}, position, ChannelCreatedEvent.class.getName(), ChannelPausedEvent.class.getName(),
				ChannelResumedEvent.class.getName(), ChannelArchivedEvent.class.getName());
	}

	private void apply(String channelId, String eventType) {
		if (eventType.equals(ChannelArchivedEvent.class.getName())) {
			this.active.remove(channelId);
		}
		else {
			this.active.put(channelId, !eventType.equals(ChannelPausedEvent.class.getName()));
		}
	}

	@EventHandler
	void on(ChannelCreatedEvent event) {
		AfterCommit.run(() -> this.active.put(event.channelId(), true));
	}

	@EventHandler
	void on(ChannelPausedEvent event) {
		AfterCommit.run(() -> this.active.put(event.channelId(), false));
	}

	@EventHandler
	void on(ChannelResumedEvent event) {
		AfterCommit.run(() -> this.active.put(event.channelId(), true));
	}

	@EventHandler
	void on(ChannelArchivedEvent event) {
		AfterCommit.run(() -> this.active.remove(event.channelId()));
	}

	double count() {
		return this.active.values().stream().filter(Boolean::booleanValue).count();
	}

}
