package com.ytempire.render.compositor;

/**
 * Integer arithmetic on packed {@code 0x__RRGGBB} pixels, red and blue in one int and
 * green in another, so one multiply serves two channels. The CUDA kernel repeats these
 * exact operations (see {@code compose.cu}), which is what makes CPU and GPU frames
 * identical.
 */
final class PackedRgb {

	static final int OPAQUE = 0xFF000000;

	private PackedRgb() {
	}

	/**
	 * Blends {@code b} over {@code a} with {@code weight} out of 256. Each channel stays
	 * below 2^16 before the shift, so the unsigned shift never lets red and blue leak
	 * into each other.
	 */
	static int lerp(int a, int b, int weight) {
		int inverse = 256 - weight;
		int redBlue = ((a & 0xFF00FF) * inverse + (b & 0xFF00FF) * weight) >>> 8 & 0xFF00FF;
		int green = ((a & 0x00FF00) * inverse + (b & 0x00FF00) * weight) >>> 8 & 0x00FF00;
		return redBlue | green;
	}

	/** The rounded mean of four pixels: a 2x2 box filter for the mip pyramid. */
	static int average(int a, int b, int c, int d) {
		int redBlue = ((a & 0xFF00FF) + (b & 0xFF00FF) + (c & 0xFF00FF) + (d & 0xFF00FF) + 0x020002) >>> 2 & 0xFF00FF;
		int green = ((a & 0x00FF00) + (b & 0x00FF00) + (c & 0x00FF00) + (d & 0x00FF00) + 0x000200) >>> 2 & 0x00FF00;
		return redBlue | green;
	}

	/**
	 * Alpha 0..255 widened to a 0..256 weight, so a fully opaque caption replaces the
	 * pixel.
	 */
	static int alphaWeight(int argb) {
		int alpha = argb >>> 24;
		return alpha + (alpha >> 7);
	}

}
