package com.ytempire.render.timeline;

import java.util.List;

/**
 * Scenes played one after another, each overlapping the next by its crossfade.
 */
public record Timeline(int width, int height, int fps, List<Scene> scenes) {

	public Timeline {
		if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
			// H.264 in 4:2:0 needs even dimensions.
			throw new IllegalArgumentException("frame size must be positive and even, got " + width + "x" + height);
		}
		if (fps <= 0) {
			throw new IllegalArgumentException("fps must be positive, got " + fps);
		}
		if (scenes == null || scenes.isEmpty()) {
			throw new IllegalArgumentException("a timeline needs at least one scene");
		}
		scenes = List.copyOf(scenes);
	}

	public long durationMillis() {
		long total = 0;
		for (int i = 0; i < this.scenes.size(); i++) {
			total += this.scenes.get(i).durationMillis() - overlapAfter(i);
		}
		return total;
	}

	public int frameCount() {
		return (int) Math.round(durationMillis() * this.fps / 1000.0);
	}

	public long startMillis(int sceneIndex) {
		long start = 0;
		for (int i = 0; i < sceneIndex; i++) {
			start += this.scenes.get(i).durationMillis() - overlapAfter(i);
		}
		return start;
	}

	/** The time the overlap with the next scene takes; none after the last scene. */
	public long overlapAfter(int sceneIndex) {
		return sceneIndex == this.scenes.size() - 1 ? 0 : this.scenes.get(sceneIndex).crossfadeMillis();
	}

}
