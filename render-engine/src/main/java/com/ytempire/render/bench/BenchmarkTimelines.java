package com.ytempire.render.bench;

import java.util.List;
import java.util.Random;

import com.ytempire.render.timeline.KenBurns;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.timeline.Scene;
import com.ytempire.render.timeline.Timeline;

/**
 * Worst-case-like timelines for measuring and comparing compositors: noise defeats any
 * shortcut, and every frame zooms, pans, crossfades or carries a caption.
 */
final class BenchmarkTimelines {

	private BenchmarkTimelines() {
	}

	static Timeline typical(int width, int height, int seconds) {
		int sceneMillis = 2000;
		int scenes = Math.max(1, seconds * 1000 / (sceneMillis - 500));
		List<KenBurns> moves = List.of(new KenBurns(1, 1.2, 0.45, 0.5, 0.55, 0.5),
				new KenBurns(1.2, 1, 0.5, 0.45, 0.5, 0.55));
		List<Scene> list = new java.util.ArrayList<>();
		for (int i = 0; i < scenes; i++) {
			list.add(new Scene(noise(width * 3 / 2, height * 3 / 2, i), sceneMillis, moves.get(i % 2), 500,
					"Scene " + (i + 1)));
		}
		return new Timeline(width, height, 30, list);
	}

	/** Timelines that between them reach every path of the kernel. */
	static List<Timeline> coverage(int width, int height) {
		return List.of(typical(width, height, 3),
				new Timeline(width, height, 30,
						List.of(new Scene(noise(width / 3, height / 3, 7), 500, new KenBurns(1, 2, 0.5, 0.5, 0.2, 0.8),
								0, ""))),
				new Timeline(width, height, 30, List.of(new Scene(noise(width * 5, height * 5, 8), 500,
						new KenBurns(1, 3, 0.5, 0.5, 0.5, 0.5), 0, "Deep levels"))));
	}

	static Picture noise(int width, int height, long seed) {
		Random random = new Random(seed);
		int[] pixels = new int[width * height];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = 0xFF000000 | random.nextInt(0x1000000);
		}
		return new Picture(width, height, pixels);
	}

}
