package com.ytempire.render.compositor;

import java.util.List;

import com.ytempire.render.timeline.Scene;
import com.ytempire.render.timeline.Timeline;

/**
 * A timeline with the per-scene work done once: the mip pyramids and the caption boxes.
 * Every compositor renders from this, so CPU and GPU start from the very same texels.
 */
public final class PreparedTimeline {

	private final Timeline timeline;

	private final List<PreparedScene> scenes;

	private PreparedTimeline(Timeline timeline, List<PreparedScene> scenes) {
		this.timeline = timeline;
		this.scenes = scenes;
	}

	public static PreparedTimeline of(Timeline timeline) {
		List<PreparedScene> scenes = timeline.scenes()
			.parallelStream()
			.map((scene) -> new PreparedScene(scene, MipPyramid.of(scene.image()),
					CaptionOverlay.render(scene.caption(), timeline.width(), timeline.height())))
			.toList();
		return new PreparedTimeline(timeline, scenes);
	}

	public Timeline timeline() {
		return this.timeline;
	}

	public int frameCount() {
		return this.timeline.frameCount();
	}

	PreparedScene scene(int index) {
		return this.scenes.get(index);
	}

	int sceneCount() {
		return this.scenes.size();
	}

	record PreparedScene(Scene scene, MipPyramid pyramid, CaptionOverlay caption) {
	}

}
