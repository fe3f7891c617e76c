package com.ytempire.api.video;

/**
 * @param stage the last stage the video reached before production failed
 */
public record VideoFailedEvent(String videoId, String channelId, VideoStage stage,
		String reason) implements VideoEvent {
}
