package com.ytempire.api.video;

/**
 * An event about one video. Every such event names the video and its channel, so a reader
 * can route it without knowing each event type.
 */
public interface VideoEvent {

	String videoId();

	String channelId();

}
