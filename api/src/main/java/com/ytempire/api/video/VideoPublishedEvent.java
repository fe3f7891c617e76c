package com.ytempire.api.video;

public record VideoPublishedEvent(String videoId, String channelId, String externalVideoId) implements VideoEvent {
}
