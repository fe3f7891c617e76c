package com.ytempire.api.channel;

public record ChannelArchivedEvent(String channelId, String reason) implements ChannelEvent {
}
