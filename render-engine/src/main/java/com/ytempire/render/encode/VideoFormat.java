package com.ytempire.render.encode;

/**
 * The output formats, with the bitrates YouTube recommends for SDR uploads at 30 fps (8
 * Mbit/s for 1080p, 5 Mbit/s for 720p) and AAC at 48 kHz.
 */
public enum VideoFormat {

	HD_720(1280, 720, 5_000_000), FULL_HD_1080(1920, 1080, 8_000_000);

	public static final int FPS = 30;

	public static final int AUDIO_SAMPLE_RATE = 48_000;

	public static final int AUDIO_BITRATE = 192_000;

	private final int width;

	private final int height;

	private final int videoBitrate;

	VideoFormat(int width, int height, int videoBitrate) {
		this.width = width;
		this.height = height;
		this.videoBitrate = videoBitrate;
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	public int videoBitrate() {
		return this.videoBitrate;
	}

	/**
	 * A generous upper bound of the file size, for the disk-space check before rendering.
	 */
	public long estimatedBytes(long durationMillis) {
		long bitsPerSecond = (long) this.videoBitrate + AUDIO_BITRATE;
		return bitsPerSecond / 8 * Math.max(1, durationMillis) / 1000 * 3 / 2;
	}

	public static VideoFormat of(int width, int height) {
		for (VideoFormat format : values()) {
			if (format.width == width && format.height == height) {
				return format;
			}
		}
		throw new IllegalArgumentException(
				"no output format for " + width + "x" + height + "; use 1280x720 or 1920x1080");
	}

}
