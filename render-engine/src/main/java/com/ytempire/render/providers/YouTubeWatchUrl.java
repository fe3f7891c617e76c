package com.ytempire.render.providers;

/**
 * A YouTube video's public address, a {@link com.ytempire.render.content.Publication}'s
 * location.
 */
public final class YouTubeWatchUrl {

	private static final String PREFIX = "https://www.youtube.com/watch?v=";

	private YouTubeWatchUrl() {
	}

	public static String of(String videoId) {
		if (videoId == null || !videoId.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("'" + videoId + "' is not a YouTube video id");
		}
		return PREFIX + videoId;
	}

}
