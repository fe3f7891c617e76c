package com.ytempire.render.encode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes H.264 (libopenh264, the encoder of the LGPL FFmpeg build) and AAC into an MP4
 * whose index sits at the front ({@code +faststart}), so YouTube and browsers can start
 * processing before the whole file arrives. The GOP is half a second and closed, as
 * YouTube recommends.
 */
public final class Mp4Encoder implements AutoCloseable {

	static {
		// FFmpeg's own message is the only useful explanation when it refuses a setting.
		FFmpegLogCallback.set();
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
	}

	private final FFmpegFrameRecorder recorder;

	private final ByteBuffer frameBytes;

	private final int width;

	private final int height;

	private final Path file;

	private boolean open;

	public Mp4Encoder(Path file, VideoFormat format) {
		this.file = file;
		this.width = format.width();
		this.height = format.height();
		this.frameBytes = ByteBuffer.allocateDirect(this.width * this.height * 4).order(ByteOrder.LITTLE_ENDIAN);
		this.recorder = new FFmpegFrameRecorder(file.toFile(), this.width, this.height, 2);
		this.recorder.setFormat("mp4");
		this.recorder.setOption("movflags", "+faststart");
		this.recorder.setVideoCodecName("libopenh264");
		this.recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
		this.recorder.setFrameRate(VideoFormat.FPS);
		this.recorder.setGopSize(VideoFormat.FPS / 2);
		this.recorder.setVideoBitrate(format.videoBitrate());
		this.recorder.setVideoOption("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
		this.recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
		this.recorder.setSampleRate(VideoFormat.AUDIO_SAMPLE_RATE);
		this.recorder.setAudioBitrate(VideoFormat.AUDIO_BITRATE);
		try {
			this.recorder.start();
			this.open = true;
		}
		catch (FrameRecorder.Exception ex) {
			release();
			throw new EncodingException(
					"FFmpeg could not open " + file.getFileName() + " for H.264/AAC: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Appends one frame of packed {@code 0xAARRGGBB} pixels; on a little-endian machine
	 * those ints are BGRA bytes, which FFmpeg converts to YUV 4:2:0.
	 */
	public void writeFrame(int[] argb) {
		if (argb.length != this.width * this.height) {
			throw new IllegalArgumentException(
					"frame has " + argb.length + " pixels, expected " + this.width * this.height);
		}
		this.frameBytes.clear();
		this.frameBytes.asIntBuffer().put(argb);
		try {
			this.recorder.recordImage(this.width, this.height, Frame.DEPTH_UBYTE, 4, this.width * 4,
					avutil.AV_PIX_FMT_BGRA, this.frameBytes);
		}
		catch (FrameRecorder.Exception ex) {
			throw new EncodingException(
					"FFmpeg failed to encode a frame of " + this.file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	/** Appends mono samples; FFmpeg resamples them to 48 kHz stereo. */
	public void writeAudio(int sampleRate, short[] samples, int offset, int length) {
		if (length == 0) {
			return;
		}
		try {
			this.recorder.recordSamples(sampleRate, 1,
					ShortBuffer.wrap(Arrays.copyOfRange(samples, offset, offset + length)));
		}
		catch (FrameRecorder.Exception ex) {
			throw new EncodingException(
					"FFmpeg failed to encode audio of " + this.file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Flushes the encoders and writes the index; the file is complete only after this.
	 */
	@Override
	public void close() {
		try {
			if (this.open) {
				this.open = false;
				this.recorder.stop();
			}
		}
		catch (FrameRecorder.Exception ex) {
			throw new EncodingException("FFmpeg failed to finish " + this.file.getFileName() + ": " + ex.getMessage(),
					ex);
		}
		finally {
			release();
		}
	}

	private void release() {
		try {
			this.recorder.release();
		}
		catch (FrameRecorder.Exception ex) {
			throw new EncodingException("FFmpeg failed to release " + this.file.getFileName(), ex);
		}
	}

}
