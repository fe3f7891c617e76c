package com.ytempire.api.channel;

public record ChannelSettingsUpdatedEvent(String channelId, ChannelSettings settings) implements ChannelEvent {
}
