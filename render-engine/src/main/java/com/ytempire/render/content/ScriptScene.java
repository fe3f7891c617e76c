package com.ytempire.render.content;

import java.util.List;

/**
 * One scene of a script.
 *
 * @param title shown large on the scene's image
 * @param narration what the voice says over the scene
 * @param caption the short line burnt into the bottom of the frame
 */
public record ScriptScene(String title, String narration, String caption) {

	public ScriptScene {
		if (narration == null || narration.isBlank()) {
			throw new IllegalArgumentException("scene '" + title + "' has no narration");
		}
		caption = caption == null ? "" : caption;
	}

	public int wordCount() {
		return wordsIn(this.narration);
	}

	public static int wordsIn(String text) {
		String trimmed = text.strip();
		return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
	}

	/**
	 * The narration cut after its sentences end: where it can be trimmed without breaking
	 * a sentence.
	 */
	public List<String> sentences() {
		return List.of(this.narration.strip().split("(?<=[.!?])\\s+"));
	}

	/** The same scene saying only its first sentences. */
	public ScriptScene saying(List<String> sentences) {
		return new ScriptScene(this.title, String.join(" ", sentences), this.caption);
	}

}
