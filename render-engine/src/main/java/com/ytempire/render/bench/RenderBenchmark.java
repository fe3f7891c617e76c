package com.ytempire.render.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.compositor.Compositors;
import com.ytempire.render.compositor.CpuCompositor;
import com.ytempire.render.compositor.GpuMode;
import com.ytempire.render.compositor.GpuProbe;
import com.ytempire.render.compositor.PreparedTimeline;
import com.ytempire.render.content.Brief;
import com.ytempire.render.content.OfflineScriptWriter;
import com.ytempire.render.content.OutboxPublisher;
import com.ytempire.render.content.PlaceholderToneSynthesizer;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.content.ProceduralImageGenerator;
import com.ytempire.render.encode.Mp4Encoder;
import com.ytempire.render.encode.VideoFormat;
import com.ytempire.render.media.MediaStore;
import com.ytempire.render.production.ProducedVideo;
import com.ytempire.render.production.VideoProduction;
import com.ytempire.render.timeline.Timeline;

/**
 * Measures the render path: compositor frames/s (1 thread, all cores, and the GPU when
 * present), encoder frames/s, and the wall time of a whole video from topic to outbox.
 * Run with {@code scripts/benchmark.sh}; {@code --frames N --video-seconds S} shorten it.
 */
public final class RenderBenchmark {

	private final int frames;

	private final int videoSeconds;

	private final PrintStream out;

	RenderBenchmark(int frames, int videoSeconds, PrintStream out) {
		this.frames = frames;
		this.videoSeconds = videoSeconds;
		this.out = out;
	}

	public static void main(String[] args) throws IOException {
		int frames = 150;
		int videoSeconds = 60;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--frames" -> frames = Integer.parseInt(args[i + 1]);
				case "--video-seconds" -> videoSeconds = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		new RenderBenchmark(frames, videoSeconds, System.out).run();
	}

	void run() throws IOException {
		int cores = Runtime.getRuntime().availableProcessors();
		this.out.printf("Render benchmark: %d cores, Java %s, %s%n", cores, System.getProperty("java.version"),
				GpuProbe.status().available() ? "GPU " + GpuProbe.status().detail() : "no GPU");
		this.out.println("| measurement | 720p | 1080p |");
		this.out.println("|---|---|---|");
		compositorRow("compositor, CPU 1 thread (frames/s)", () -> new CpuCompositor(1));
		compositorRow("compositor, CPU " + cores + " threads (frames/s)", () -> new CpuCompositor(cores));
		if (GpuProbe.status().available()) {
			compositorRow("compositor, GPU (frames/s)", () -> Compositors.select(GpuMode.REQUIRE));
		}
		Path work = Files.createTempDirectory("render-benchmark-");
		try {
			this.out.printf("| encode H.264 + AAC, libopenh264 (frames/s) | %.1f | %.1f |%n",
					encodeFps(VideoFormat.HD_720, work), encodeFps(VideoFormat.FULL_HD_1080, work));
			endToEnd(work);
		}
		finally {
			delete(work);
		}
	}

	private void compositorRow(String label, java.util.function.Supplier<Compositor> factory) {
		double hd = compositorFps(VideoFormat.HD_720, factory);
		double fullHd = compositorFps(VideoFormat.FULL_HD_1080, factory);
		this.out.printf("| %s | %.1f | %.1f |%n", label, hd, fullHd);
	}

	private double compositorFps(VideoFormat format, java.util.function.Supplier<Compositor> factory) {
		Timeline timeline = BenchmarkTimelines.typical(format.width(), format.height(), 6);
		PreparedTimeline prepared = PreparedTimeline.of(timeline);
		int[] frame = new int[format.width() * format.height()];
		try (Compositor compositor = factory.get()) {
			int warmUp = Math.min(30, this.frames);
			for (int i = 0; i < warmUp; i++) {
				compositor.render(prepared, i % prepared.frameCount(), frame);
			}
			long start = System.nanoTime();
			for (int i = 0; i < this.frames; i++) {
				compositor.render(prepared, i % prepared.frameCount(), frame);
			}
			return this.frames / seconds(start);
		}
	}

	private double encodeFps(VideoFormat format, Path work) {
		Timeline timeline = BenchmarkTimelines.typical(format.width(), format.height(), 3);
		PreparedTimeline prepared = PreparedTimeline.of(timeline);
		List<int[]> rendered = new ArrayList<>();
		try (CpuCompositor compositor = CpuCompositor.allCores()) {
			for (int i = 0; i < Math.min(30, this.frames); i++) {
				int[] frame = new int[format.width() * format.height()];
				compositor.render(prepared, i, frame);
				rendered.add(frame);
			}
		}
		short[] silence = new short[VideoFormat.AUDIO_SAMPLE_RATE / VideoFormat.FPS];
		long start = System.nanoTime();
		try (Mp4Encoder encoder = new Mp4Encoder(work.resolve(format + ".mp4"), format)) {
			for (int i = 0; i < this.frames; i++) {
				encoder.writeFrame(rendered.get(i % rendered.size()));
				encoder.writeAudio(VideoFormat.AUDIO_SAMPLE_RATE, silence, 0, silence.length);
			}
		}
		return this.frames / seconds(start);
	}

	private void endToEnd(Path work) {
		PriceTable prices = PriceTable.offline();
		try (Compositor compositor = Compositors.select(GpuMode.AUTO)) {
			VideoProduction production = new VideoProduction(new OfflineScriptWriter(prices),
					new PlaceholderToneSynthesizer(prices), new ProceduralImageGenerator(prices),
					new OutboxPublisher(work.resolve("outbox"), prices), new MediaStore(work.resolve("media"), 0),
					compositor, prices);
			long start = System.nanoTime();
			ProducedVideo video = production.produce("benchmark",
					new Brief("Benchmark", "Benchmark", VideoStyle.DEFAULT, this.videoSeconds), VideoFormat.HD_720,
					Instant.now());
			double wall = seconds(start);
			this.out.printf("| end to end, %.1f s video, topic to outbox (%s) | %.1f s wall (%.2fx real time) | |%n",
					video.durationMillis() / 1000.0, compositor.description(), wall,
					video.durationMillis() / 1000.0 / wall);
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
