package com.ytempire.render.compositor;

import com.ytempire.render.timeline.KenBurns;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.timeline.Timeline;

/**
 * Turns a frame number into sampling positions. Everything transcendental (log2, the Ken
 * Burns interpolation) happens here once per frame in Java, so the per-pixel work left
 * for the CPU and GPU paths is plain float and integer arithmetic both compute
 * identically.
 */
final class FramePlanner {

	/**
	 * Sample half a level blurrier than the footprint says: in motion a little softness
	 * is invisible, shimmer is not.
	 */
	private static final double LEVEL_BIAS = 0.5;

	private FramePlanner() {
	}

	static FramePlan plan(PreparedTimeline prepared, int frameIndex) {
		Timeline timeline = prepared.timeline();
		double time = frameIndex * 1000.0 / timeline.fps();
		int current = 0;
		for (int i = 1; i < prepared.sceneCount(); i++) {
			if (timeline.startMillis(i) <= time) {
				current = i;
			}
		}
		if (current > 0) {
			long overlap = timeline.overlapAfter(current - 1);
			double intoCurrent = time - timeline.startMillis(current);
			if (overlap > 0 && intoCurrent < overlap) {
				int weight = (int) Math.round(intoCurrent / overlap * 256);
				return new FramePlan(layer(prepared, current - 1, time), layer(prepared, current, time), weight);
			}
		}
		return new FramePlan(layer(prepared, current, time), null, 0);
	}

	private static LayerSampling layer(PreparedTimeline prepared, int sceneIndex, double time) {
		Timeline timeline = prepared.timeline();
		PreparedTimeline.PreparedScene scene = prepared.scene(sceneIndex);
		double progress = Math.min(1,
				Math.max(0, (time - timeline.startMillis(sceneIndex)) / scene.scene().durationMillis()));
		KenBurns motion = scene.scene().motion();
		Picture image = scene.scene().image();
		int outWidth = timeline.width();
		int outHeight = timeline.height();
		// The widest window of the frame's aspect that fits in the image, narrowed by the
		// zoom.
		double fullWidth = Math.min(image.width(), (double) image.height() * outWidth / outHeight);
		double windowWidth = fullWidth / motion.zoomAt(progress);
		double windowHeight = windowWidth * outHeight / outWidth;
		double left = clamp(motion.centerXAt(progress) * image.width() - windowWidth / 2, 0,
				image.width() - windowWidth);
		double top = clamp(motion.centerYAt(progress) * image.height() - windowHeight / 2, 0,
				image.height() - windowHeight);
		double step = windowWidth / outWidth;
		int maxLevel = scene.pyramid().levelCount() - 1;
		double lod = Math.max(0, log2(step) + LEVEL_BIAS);
		int fine = Math.min(maxLevel, (int) lod);
		int coarse = Math.min(maxLevel, fine + 1);
		int coarseWeight = (fine == coarse) ? 0 : (int) ((lod - fine) * 256);
		return new LayerSampling(sceneIndex, level(fine, left, top, step), level(coarse, left, top, step),
				coarseWeight);
	}

	private static LevelSampling level(int level, double left, double top, double step) {
		double scale = 1.0 / (1 << level);
		return new LevelSampling(level, (float) (left * scale), (float) (step * scale), (float) (top * scale),
				(float) (step * scale));
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
