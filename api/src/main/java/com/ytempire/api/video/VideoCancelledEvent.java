package com.ytempire.api.video;

import java.time.Instant;

/**
 * @param publishAt the publish time the video had, so the day's quota slot can be given
 * back
 */
public record VideoCancelledEvent(String videoId, String channelId, Instant publishAt,
		String reason) implements VideoEvent {
}
