package com.ytempire.render.content;

import java.time.Instant;
import java.util.List;

/** What YouTube needs besides the file: the snippet and when the video goes public. */
public record VideoMetadata(String videoId, String title, String description, List<String> tags, Instant publishAt) {

	public VideoMetadata {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a video needs a title to be published");
		}
		tags = List.copyOf(tags);
	}

}
