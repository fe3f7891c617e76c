package com.ytempire.projections.channel;

import com.ytempire.api.channel.ChannelEvent;
import com.ytempire.projections.video.StageChanges;

/**
 * The channel an event concerns: channel events name it as their subject, video events
 * carry it.
 */
final class ChannelIds {

	private ChannelIds() {
	}

	static String of(Object payload) {
		return (payload instanceof ChannelEvent event) ? event.channelId() : StageChanges.channelId(payload);
	}

}
