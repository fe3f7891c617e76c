package com.ytempire.render.compositor;

import java.util.List;
import java.util.Random;

import com.ytempire.render.timeline.KenBurns;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.timeline.Scene;
import com.ytempire.render.timeline.Timeline;

/**
 * Timelines that exercise every branch of the compositor: zoom, pan, crossfade, captions.
 */
final class TestTimelines {

	private TestTimelines() {
	}

	static Picture noise(int width, int height, long seed) {
		Random random = new Random(seed);
		int[] pixels = new int[width * height];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = 0xFF000000 | random.nextInt(0x1000000);
		}
		return new Picture(width, height, pixels);
	}

	static Picture checkerboard(int width, int height) {
		int[] pixels = new int[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				pixels[y * width + x] = ((x + y) % 2 == 0) ? 0xFF000000 : 0xFFFFFFFF;
			}
		}
		return new Picture(width, height, pixels);
	}

	/** Two noisy scenes with captions, a crossfade and opposite moves. */
	static Timeline zoomPanCrossfade(int width, int height) {
		return new Timeline(width, height, 30,
				List.of(new Scene(noise(width * 3 / 2, height * 3 / 2, 1), 1000,
						new KenBurns(1, 1.3, 0.3, 0.4, 0.7, 0.6), 400, "Where it started"),
						new Scene(noise(width * 2, height * 2, 2), 1000, new KenBurns(1.4, 1, 0.6, 0.5, 0.4, 0.5), 0,
								"Why it matters")));
	}

	/** A source smaller than the frame: the magnifying path, level 0 only. */
	static Timeline magnified(int width, int height) {
		return new Timeline(width, height, 30, List
			.of(new Scene(noise(width / 3, height / 3, 3), 500, new KenBurns(1, 2, 0.5, 0.5, 0.2, 0.8), 0, "")));
	}

	/** A far smaller frame than the source: deep pyramid levels. */
	static Timeline deepLevels(int width, int height) {
		return new Timeline(width, height, 30, List
			.of(new Scene(noise(width * 9, height * 9, 4), 500, new KenBurns(1, 3, 0.5, 0.5, 0.5, 0.5), 0, "Hi")));
	}

}
