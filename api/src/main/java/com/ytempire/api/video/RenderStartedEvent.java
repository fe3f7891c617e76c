package com.ytempire.api.video;

public record RenderStartedEvent(String videoId, String channelId, String renderPath) implements VideoEvent {
}
