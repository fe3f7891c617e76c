package com.ytempire.api.channel;

public record ChannelCreatedEvent(String channelId, String name, ChannelSettings settings) implements ChannelEvent {
}
