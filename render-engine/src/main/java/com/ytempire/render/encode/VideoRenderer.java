package com.ytempire.render.encode;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.compositor.PreparedTimeline;

/**
 * Composites and encodes a timeline with its sound. Compositing the next frames overlaps
 * with encoding the current one, so the slower of the two sets the pace rather than their
 * sum.
 */
public final class VideoRenderer {

	/** Frames compositing may run ahead of the encoder; each buffer is a full frame. */
	private static final int FRAMES_IN_FLIGHT = 3;

	private final Compositor compositor;

	public VideoRenderer(Compositor compositor) {
		this.compositor = compositor;
	}

	/**
	 * Writes the MP4. The sound is cut or padded with silence to the picture's length, so
	 * the file's duration is the timeline's.
	 */
	public void render(PreparedTimeline timeline, AudioTrack audio, Path output) {
		VideoFormat format = VideoFormat.of(timeline.timeline().width(), timeline.timeline().height());
		int frames = timeline.frameCount();
		int pixels = format.width() * format.height();
		BlockingQueue<int[]> free = new ArrayBlockingQueue<>(FRAMES_IN_FLIGHT);
		BlockingQueue<int[]> ready = new ArrayBlockingQueue<>(FRAMES_IN_FLIGHT);
		for (int i = 0; i < FRAMES_IN_FLIGHT; i++) {
			free.add(new int[pixels]);
		}
		ExecutorService compositing = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "compositor-feed");
			thread.setDaemon(true);
			return thread;
		});
		try (Mp4Encoder encoder = new Mp4Encoder(output, format)) {
			CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
				for (int i = 0; i < frames; i++) {
					int[] frame = take(free);
					this.compositor.render(timeline, i, frame);
					ready.add(frame);
				}
			}, compositing);
			int fps = timeline.timeline().fps();
			for (int i = 0; i < frames; i++) {
				int[] frame = takeUnlessFailed(ready, producer);
				encoder.writeFrame(frame);
				free.add(frame);
				writeAudioFor(encoder, audio, i, fps);
			}
			producer.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		finally {
			compositing.shutdownNow();
		}
	}

	private static void writeAudioFor(Mp4Encoder encoder, AudioTrack audio, int frame, int fps) {
		int rate = audio.sampleRate();
		int start = (int) ((long) frame * rate / fps);
		int end = (int) ((long) (frame + 1) * rate / fps);
		short[] samples = audio.samples();
		if (end <= samples.length) {
			encoder.writeAudio(rate, samples, start, end - start);
			return;
		}
		short[] padded = new short[end - start];
		if (start < samples.length) {
			System.arraycopy(samples, start, padded, 0, samples.length - start);
		}
		encoder.writeAudio(rate, padded, 0, padded.length);
	}

	private static int[] takeUnlessFailed(BlockingQueue<int[]> ready, CompletableFuture<Void> producer) {
		while (true) {
			try {
				int[] frame = ready.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
				if (frame != null) {
					return frame;
				}
				if (producer.isCompletedExceptionally()) {
					producer.join();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while rendering", ex);
			}
		}
	}

	private static int[] take(BlockingQueue<int[]> free) {
		try {
			return free.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while rendering", ex);
		}
	}

}
