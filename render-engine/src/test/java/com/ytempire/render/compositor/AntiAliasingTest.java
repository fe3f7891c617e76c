package com.ytempire.render.compositor;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.ytempire.render.timeline.KenBurns;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.timeline.Scene;
import com.ytempire.render.timeline.Timeline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-pixel checkerboard seen from afar should be flat grey in every frame of a slow
 * zoom. Plain bilinear sampling lands on black or white depending on the exact zoom,
 * which is the shimmer.
 */
class AntiAliasingTest {

	private static final int WIDTH = 320;

	private static final int HEIGHT = 180;

	@Test
	void slowZoomOverFineDetailStaysFlatAndSteady() {
		Picture checkerboard = TestTimelines.checkerboard(WIDTH * 5, HEIGHT * 5);
		Timeline timeline = new Timeline(WIDTH, HEIGHT, 30,
				List.of(new Scene(checkerboard, 1000, new KenBurns(1, 1.4, 0.5, 0.5, 0.52, 0.48), 0, "")));
		PreparedTimeline prepared = PreparedTimeline.of(timeline);
		double worstDeviation = 0;
		double worstFlicker = 0;
		double previousMean = -1;
		try (CpuCompositor compositor = new CpuCompositor(2)) {
			for (int frame = 0; frame < timeline.frameCount(); frame++) {
				int[] pixels = new int[WIDTH * HEIGHT];
				compositor.render(prepared, frame, pixels);
				double mean = 0;
				for (int pixel : pixels) {
					int green = (pixel >> 8) & 0xFF;
					worstDeviation = Math.max(worstDeviation, Math.abs(green - 127.5));
					mean += green;
				}
				mean /= pixels.length;
				if (previousMean >= 0) {
					worstFlicker = Math.max(worstFlicker, Math.abs(mean - previousMean));
				}
				previousMean = mean;
			}
		}
		assertThat(worstDeviation).as("largest distance of a pixel from mid grey").isLessThan(8);
		assertThat(worstFlicker).as("largest change of frame brightness between frames").isLessThan(1);
	}

	@Test
	void plainBilinearWouldShimmerOnTheSameMove() {
		// The reference the test above guards against: one bilinear fetch from the
		// full-size image.
		Picture checkerboard = TestTimelines.checkerboard(WIDTH * 5, HEIGHT * 5);
		double step = checkerboard.width() / 1.2 / WIDTH;
		double worst = 0;
		for (int x = 0; x < WIDTH; x++) {
			double u = 100 + (x + 0.5) * step - 0.5;
			int texel = (int) Math.floor(u);
			double weight = u - texel;
			double value = (1 - weight) * ((checkerboard.pixel(texel, 50) >> 8) & 0xFF)
					+ weight * ((checkerboard.pixel(texel + 1, 50) >> 8) & 0xFF);
			worst = Math.max(worst, Math.abs(value - 127.5));
		}
		assertThat(worst).isGreaterThan(60);
	}

}
