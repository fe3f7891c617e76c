package com.ytempire.render.compositor;

import java.util.ArrayList;
import java.util.List;

import com.ytempire.render.timeline.Picture;

/**
 * Halved copies of an image down to one pixel. Sampling the level whose texels are about
 * the size of an output pixel averages away the detail a plain bilinear fetch would skip,
 * and skipping different detail from frame to frame is what shimmers during a slow zoom.
 */
final class MipPyramid {

	private final List<Picture> levels;

	private MipPyramid(List<Picture> levels) {
		this.levels = List.copyOf(levels);
	}

	static MipPyramid of(Picture image) {
		List<Picture> levels = new ArrayList<>();
		Picture level = image;
		levels.add(level);
		while (level.width() > 1 && level.height() > 1) {
			level = halve(level);
			levels.add(level);
		}
		return new MipPyramid(levels);
	}

	Picture level(int index) {
		return this.levels.get(index);
	}

	int levelCount() {
		return this.levels.size();
	}

	private static Picture halve(Picture source) {
		int width = Math.max(1, source.width() / 2);
		int height = Math.max(1, source.height() / 2);
		int[] src = source.pixels();
		int stride = source.width();
		int[] dst = new int[width * height];
		for (int y = 0; y < height; y++) {
			int top = 2 * y * stride;
			int bottom = top + stride;
			for (int x = 0; x < width; x++) {
				int sx = 2 * x;
				dst[y * width + x] = PackedRgb.average(src[top + sx], src[top + sx + 1], src[bottom + sx],
						src[bottom + sx + 1]) | PackedRgb.OPAQUE;
			}
		}
		return new Picture(width, height, dst);
	}

}
