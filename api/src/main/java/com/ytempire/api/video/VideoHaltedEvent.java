package com.ytempire.api.video;

/**
 * Production stopped because the recorded costs passed the video's cost cap.
 */
public record VideoHaltedEvent(String videoId, String channelId, long totalCostMicros,
		long costCapMicros) implements VideoEvent {
}
