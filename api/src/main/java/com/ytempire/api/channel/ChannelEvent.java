package com.ytempire.api.channel;

/**
 * An event about one channel's own state (not about one of its videos).
 */
public interface ChannelEvent {

	String channelId();

}
