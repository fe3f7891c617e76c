package com.ytempire.render.compositor;

/**
 * Where one pyramid level is sampled: output pixel {@code x} reads level coordinate
 * {@code originX + (x + 0.5) * stepX - 0.5}. Kept in float because that is the precision
 * the GPU computes in; Java float arithmetic rounds the same way.
 */
record LevelSampling(int level, float originX, float stepX, float originY, float stepY) {

	/**
	 * The integer texel and 8-bit fraction for one output coordinate, as the kernel
	 * computes it.
	 */
	static int texel(float origin, float step, int outputCoordinate) {
		return (int) Math.floor(position(origin, step, outputCoordinate));
	}

	static int fraction(float origin, float step, int outputCoordinate) {
		float position = position(origin, step, outputCoordinate);
		return (int) ((position - (float) Math.floor(position)) * 256.0f);
	}

	private static float position(float origin, float step, int outputCoordinate) {
		return origin + ((float) outputCoordinate + 0.5f) * step - 0.5f;
	}

}
