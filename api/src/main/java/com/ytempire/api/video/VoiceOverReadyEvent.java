package com.ytempire.api.video;

public record VoiceOverReadyEvent(String videoId, String channelId, MediaRef audio,
		long durationMillis) implements VideoEvent {
}
