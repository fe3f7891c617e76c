package com.ytempire.render.encode;

import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** What FFmpeg reads back from a finished file. */
public record MediaProbe(String format, String videoCodec, String audioCodec, int width, int height,
		double durationSeconds, double frameRate, int sampleRate, int audioChannels) {

	public static MediaProbe of(Path file) throws FrameGrabber.Exception {
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
			grabber.start();
			MediaProbe probe = new MediaProbe(grabber.getFormat(), grabber.getVideoCodecName(),
					grabber.getAudioCodecName(), grabber.getImageWidth(), grabber.getImageHeight(),
					grabber.getLengthInTime() / 1_000_000.0, grabber.getFrameRate(), grabber.getSampleRate(),
					grabber.getAudioChannels());
			grabber.stop();
			return probe;
		}
	}

}
