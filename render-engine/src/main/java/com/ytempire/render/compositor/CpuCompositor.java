package com.ytempire.render.compositor;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import com.ytempire.render.timeline.Picture;

/**
 * Renders frames on the CPU in bands of rows, one band per task, on a pool of its own
 * size so a benchmark can compare one thread with all cores.
 */
public final class CpuCompositor implements Compositor {

	private static final int ROWS_PER_BAND = 16;

	private final ForkJoinPool pool;

	public CpuCompositor(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, got " + threads);
		}
		this.pool = new ForkJoinPool(threads);
	}

	public static CpuCompositor allCores() {
		return new CpuCompositor(Runtime.getRuntime().availableProcessors());
	}

	@Override
	public void render(PreparedTimeline timeline, int frameIndex, int[] frame) {
		int width = timeline.timeline().width();
		int height = timeline.timeline().height();
		if (frame.length != width * height) {
			throw new IllegalArgumentException(
					"frame buffer holds " + frame.length + " pixels, need " + width * height);
		}
		FramePlan plan = FramePlanner.plan(timeline, frameIndex);
		LayerPainter base = new LayerPainter(timeline, plan.base());
		LayerPainter over = plan.crossfading() ? new LayerPainter(timeline, plan.over()) : null;
		int bands = (height + ROWS_PER_BAND - 1) / ROWS_PER_BAND;
		this.pool.submit(() -> IntStream.range(0, bands).parallel().forEach((band) -> {
			int[] row = new int[width];
			int[] overRow = (over != null) ? new int[width] : null;
			int end = Math.min(height, (band + 1) * ROWS_PER_BAND);
			for (int y = band * ROWS_PER_BAND; y < end; y++) {
				base.paintRow(y, row);
				int offset = y * width;
				if (over == null) {
					for (int x = 0; x < width; x++) {
						frame[offset + x] = row[x] | PackedRgb.OPAQUE;
					}
				}
				else {
					over.paintRow(y, overRow);
					int weight = plan.overWeight();
					for (int x = 0; x < width; x++) {
						frame[offset + x] = PackedRgb.lerp(row[x], overRow[x], weight) | PackedRgb.OPAQUE;
					}
				}
			}
		})).join();
	}

	@Override
	public String description() {
		return "CPU, " + this.pool.getParallelism() + " thread(s)";
	}

	@Override
	public void close() {
		this.pool.shutdown();
	}

	/** Paints one scene's rows: trilinear sample, then its caption. */
	private static final class LayerPainter {

		private final LevelPainter fine;

		private final LevelPainter coarse;

		private final int coarseWeight;

		private final CaptionOverlay caption;

		LayerPainter(PreparedTimeline timeline, LayerSampling sampling) {
			PreparedTimeline.PreparedScene scene = timeline.scene(sampling.sceneIndex());
			int width = timeline.timeline().width();
			int height = timeline.timeline().height();
			this.fine = new LevelPainter(scene.pyramid().level(sampling.fine().level()), sampling.fine(), width,
					height);
			this.coarseWeight = sampling.coarseWeight();
			this.coarse = (this.coarseWeight > 0) ? new LevelPainter(scene.pyramid().level(sampling.coarse().level()),
					sampling.coarse(), width, height) : null;
			this.caption = scene.caption();
		}

		void paintRow(int y, int[] row) {
			this.fine.paintRow(y, row);
			if (this.coarse != null) {
				this.coarse.blendRow(y, row, this.coarseWeight);
			}
			blendCaption(y, row);
		}

		private void blendCaption(int y, int[] row) {
			Picture box = this.caption.image();
			int boxY = y - this.caption.y();
			if (boxY < 0 || boxY >= box.height()) {
				return;
			}
			int[] pixels = box.pixels();
			int start = boxY * box.width();
			int x0 = this.caption.x();
			for (int i = 0; i < box.width(); i++) {
				int pixel = pixels[start + i];
				int weight = PackedRgb.alphaWeight(pixel);
				if (weight > 0) {
					row[x0 + i] = PackedRgb.lerp(row[x0 + i], pixel, weight);
				}
			}
		}

	}

	/** Bilinear sampling of one pyramid level with precomputed column and row tables. */
	private static final class LevelPainter {

		private final int[] pixels;

		private final int stride;

		private final Axis columns;

		private final Axis rows;

		LevelPainter(Picture level, LevelSampling sampling, int width, int height) {
			this.pixels = level.pixels();
			this.stride = level.width();
			this.columns = Axis.of(width, sampling.originX(), sampling.stepX(), level.width());
			this.rows = Axis.of(height, sampling.originY(), sampling.stepY(), level.height());
		}

		void paintRow(int y, int[] row) {
			int top = this.rows.first[y] * this.stride;
			int bottom = this.rows.second[y] * this.stride;
			int rowWeight = this.rows.weight[y];
			int[] px = this.pixels;
			int[] first = this.columns.first;
			int[] second = this.columns.second;
			int[] weight = this.columns.weight;
			for (int x = 0; x < row.length; x++) {
				int c0 = first[x];
				int c1 = second[x];
				int w = weight[x];
				int upper = PackedRgb.lerp(px[top + c0], px[top + c1], w);
				int lower = PackedRgb.lerp(px[bottom + c0], px[bottom + c1], w);
				row[x] = PackedRgb.lerp(upper, lower, rowWeight);
			}
		}

		void blendRow(int y, int[] row, int weight) {
			int[] coarse = new int[row.length];
			paintRow(y, coarse);
			for (int x = 0; x < row.length; x++) {
				row[x] = PackedRgb.lerp(row[x], coarse[x], weight);
			}
		}

	}

}
