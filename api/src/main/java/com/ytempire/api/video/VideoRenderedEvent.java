package com.ytempire.api.video;

public record VideoRenderedEvent(String videoId, String channelId, MediaRef video, long durationMillis, int width,
		int height) implements VideoEvent {
}
