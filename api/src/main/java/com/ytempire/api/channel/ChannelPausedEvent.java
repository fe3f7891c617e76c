package com.ytempire.api.channel;

public record ChannelPausedEvent(String channelId, String reason) implements ChannelEvent {
}
