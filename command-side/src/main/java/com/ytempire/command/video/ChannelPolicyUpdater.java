package com.ytempire.command.video;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.ytempire.api.channel.ChannelArchivedEvent;
import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelPausedEvent;
import com.ytempire.api.channel.ChannelResumedEvent;
import com.ytempire.api.channel.ChannelSettingsUpdatedEvent;
import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.video.VideoCancelledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import org.springframework.stereotype.Component;

/**
 * Keeps {@link ChannelPolicies} in step with the events. Its processing group runs as a
 * subscribing processor, so each update commits in the same transaction as the event it
 * follows.
 */
@Component
@ProcessingGroup(ChannelPolicyUpdater.PROCESSING_GROUP)
class ChannelPolicyUpdater {

	static final String PROCESSING_GROUP = "channel-policy";

	private final ChannelPolicies policies;

	ChannelPolicyUpdater(ChannelPolicies policies) {
		this.policies = policies;
	}

	@EventHandler
	void on(ChannelCreatedEvent event) {
		this.policies.upsert(event.channelId(), ChannelStatus.ACTIVE, event.settings().dailyVideoQuota(),
				event.settings().costCapPerVideoMicros());
	}

	@EventHandler
	void on(ChannelSettingsUpdatedEvent event) {
		this.policies.find(event.channelId())
			.ifPresent((policy) -> this.policies.upsert(event.channelId(), policy.status(),
					event.settings().dailyVideoQuota(), event.settings().costCapPerVideoMicros()));
	}

	@EventHandler
	void on(ChannelPausedEvent event) {
		this.policies.updateStatus(event.channelId(), ChannelStatus.PAUSED);
	}

	@EventHandler
	void on(ChannelResumedEvent event) {
		this.policies.updateStatus(event.channelId(), ChannelStatus.ACTIVE);
	}

	@EventHandler
	void on(ChannelArchivedEvent event) {
		this.policies.updateStatus(event.channelId(), ChannelStatus.ARCHIVED);
	}

	@EventHandler
	void on(VideoCancelledEvent event) {
		this.policies.releaseSlot(event.channelId(), publishDay(event.publishAt()));
	}

	static LocalDate publishDay(Instant publishAt) {
		return LocalDate.ofInstant(publishAt, ZoneOffset.UTC);
	}

}
