package com.ytempire.render.content;

import java.time.Duration;

import com.ytempire.api.video.VideoStyle;

/**
 * What a video was scheduled to be: its title, what it is about, its look and its length.
 * Writers size their scripts from it and image generators draw in its style.
 *
 * @param targetLengthSeconds how long the published video runs
 */
public record Brief(String title, String topic, VideoStyle style, int targetLengthSeconds) {

	/**
	 * The length of videos whose work was queued before the length was part of the brief.
	 */
	static final int UNKNOWN_LENGTH_SECONDS = 30;

	public Brief {
		style = (style != null) ? style : VideoStyle.DEFAULT;
		targetLengthSeconds = (targetLengthSeconds > 0) ? targetLengthSeconds : UNKNOWN_LENGTH_SECONDS;
	}

	/**
	 * A brief from what a schedule stored, where a style the platform no longer has is
	 * the default.
	 */
	public static Brief of(String title, String topic, String style, int targetLengthSeconds) {
		return new Brief(title, topic, VideoStyle.named(style).orElse(VideoStyle.DEFAULT), targetLengthSeconds);
	}

	public Duration targetLength() {
		return Duration.ofSeconds(this.targetLengthSeconds);
	}

}
