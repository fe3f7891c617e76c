package com.ytempire.api.channel;

public record ChannelResumedEvent(String channelId) implements ChannelEvent {
}
