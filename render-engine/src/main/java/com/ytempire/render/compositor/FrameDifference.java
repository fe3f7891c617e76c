package com.ytempire.render.compositor;

/** How far apart two frames are, for the CPU-versus-GPU checks. */
public final class FrameDifference {

	private FrameDifference() {
	}

	/** The largest difference of any channel of any pixel. */
	public static int largest(int[] first, int[] second) {
		if (first.length != second.length) {
			throw new IllegalArgumentException("frames differ in size: " + first.length + " and " + second.length);
		}
		int largest = 0;
		for (int i = 0; i < first.length; i++) {
			for (int shift = 0; shift < 24; shift += 8) {
				int difference = Math.abs(((first[i] >> shift) & 0xFF) - ((second[i] >> shift) & 0xFF));
				largest = Math.max(largest, difference);
			}
		}
		return largest;
	}

}
