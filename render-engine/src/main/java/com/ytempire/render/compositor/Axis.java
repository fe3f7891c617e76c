package com.ytempire.render.compositor;

/**
 * Texel pairs and weights along one axis of one pyramid level, computed once per frame so
 * the per-pixel loop is table look-ups and integer blends only.
 */
final class Axis {

	final int[] first;

	final int[] second;

	final int[] weight;

	private Axis(int length) {
		this.first = new int[length];
		this.second = new int[length];
		this.weight = new int[length];
	}

	static Axis of(int outputLength, float origin, float step, int levelLength) {
		Axis axis = new Axis(outputLength);
		int last = levelLength - 1;
		for (int i = 0; i < outputLength; i++) {
			int texel = LevelSampling.texel(origin, step, i);
			axis.first[i] = clamp(texel, last);
			axis.second[i] = clamp(texel + 1, last);
			axis.weight[i] = LevelSampling.fraction(origin, step, i);
		}
		return axis;
	}

	private static int clamp(int texel, int last) {
		return (texel < 0) ? 0 : Math.min(texel, last);
	}

}
