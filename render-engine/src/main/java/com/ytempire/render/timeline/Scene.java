package com.ytempire.render.timeline;

import java.util.Objects;

/**
 * One still image on screen for a while.
 *
 * @param image the source, ideally larger than the frame so the zoom stays sharp
 * @param durationMillis how long the scene is visible, its crossfade included
 * @param motion the pan and zoom over the scene's life
 * @param crossfadeMillis how long this scene dissolves into the next one (ignored on the
 * last)
 * @param caption text burnt into the bottom of the frame; empty for none
 */
public record Scene(Picture image, long durationMillis, KenBurns motion, long crossfadeMillis, String caption) {

	public Scene {
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(motion, "motion");
		caption = caption == null ? "" : caption;
		if (durationMillis <= 0) {
			throw new IllegalArgumentException("a scene must last a positive time, got " + durationMillis + " ms");
		}
		if (crossfadeMillis < 0 || crossfadeMillis * 2 > durationMillis) {
			throw new IllegalArgumentException("a crossfade must be between 0 and half the scene (" + durationMillis
					+ " ms), got " + crossfadeMillis + " ms");
		}
	}

}
