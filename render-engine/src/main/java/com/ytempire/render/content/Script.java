package com.ytempire.render.content;

import java.util.List;

/** A video's words: its YouTube title, description and tags, and the scenes in order. */
public record Script(String title, String description, List<String> tags, List<ScriptScene> scenes) {

	public Script {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a script needs a title");
		}
		if (scenes == null || scenes.isEmpty()) {
			throw new IllegalArgumentException("the script '" + title + "' has no scenes");
		}
		tags = List.copyOf(tags);
		scenes = List.copyOf(scenes);
	}

	/**
	 * The same script under the title the video was scheduled with: an operator's title
	 * is what YouTube shows, whatever the writer proposed.
	 */
	public Script titled(String scheduledTitle) {
		if (scheduledTitle == null || scheduledTitle.isBlank()) {
			return this;
		}
		return new Script(scheduledTitle.strip(), this.description, this.tags, this.scenes);
	}

	public int characters() {
		return this.scenes.stream().mapToInt((scene) -> scene.narration().length()).sum();
	}

}
