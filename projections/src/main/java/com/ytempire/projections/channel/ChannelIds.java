package com.ytempire.projections.channel;

import com.ytempire.api.channel.ChannelArchivedEvent;
import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelPausedEvent;
import com.ytempire.api.channel.ChannelResumedEvent;
import com.ytempire.api.channel.ChannelSettingsUpdatedEvent;
import com.ytempire.projections.video.StageChanges;

/**
 * The channel an event concerns: channel events name it as their subject, video events
 * carry it.
 */
final class ChannelIds {

	private ChannelIds() {
	}

	static String of(Object payload) {
		if (payload instanceof ChannelCreatedEvent event) {
			return event.channelId();
		}
		if (payload instanceof ChannelSettingsUpdatedEvent event) {
			return event.channelId();
		}
		if (payload instanceof ChannelPausedEvent event) {
			return event.channelId();
		}
		if (payload instanceof ChannelResumedEvent event) {
			return event.channelId();
		}
		if (payload instanceof ChannelArchivedEvent event) {
			return event.channelId();
		}
		return StageChanges.channelId(payload);
	}

}
