package com.ytempire.render.content;

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
		return this.narration.trim().split("\\s+").length;
	}

}
