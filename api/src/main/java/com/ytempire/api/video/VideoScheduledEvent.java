package com.ytempire.api.video;

import java.time.Instant;

/**
 * A video was accepted for production.
 *
 * @param costCapMicros the channel's cost cap per video when the video was scheduled; it
 * stays the video's cap even if the channel's setting changes later
 */
public record VideoScheduledEvent(String videoId, String channelId, String title, String topic, Instant publishAt,
		String style, int targetLengthSeconds, long costCapMicros) implements VideoEvent {
}
