package com.ytempire.render.providers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YouTube video's public address, and the video id back out of it: a
 * {@link com.ytempire.render.content.Publication}'s location is the address, and the id
 * is what the platform knows the video by.
 */
public final class YouTubeWatchUrl {

	private static final String PREFIX = "https://www.youtube.com/watch?v=";

	private static final Pattern WATCH_URL = Pattern.compile(Pattern.quote(PREFIX) + "([A-Za-z0-9_-]+)");

	private YouTubeWatchUrl() {
	}

	public static String of(String videoId) {
		if (videoId == null || !videoId.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("'" + videoId + "' is not a YouTube video id");
		}
		return PREFIX + videoId;
	}

	/** The video id when the location is a watch address, else empty. */
	public static Optional<String> videoId(String location) {
		Matcher matcher = WATCH_URL.matcher(location == null ? "" : location);
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
