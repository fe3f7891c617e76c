package com.ytempire.render.compositor;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ytempire.render.timeline.KenBurns;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.timeline.Scene;
import com.ytempire.render.timeline.Timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CpuCompositorTest {

	private final CpuCompositor compositor = new CpuCompositor(2);

	@AfterEach
	void close() {
		this.compositor.close();
	}

	@Test
	void solidImageGivesSolidFramesWhateverTheMove() {
		Timeline timeline = new Timeline(320, 180, 30, List
			.of(new Scene(Picture.solid(640, 360, 0xFF336699), 1000, new KenBurns(1, 1.7, 0.2, 0.3, 0.9, 0.8), 0, "")));
		PreparedTimeline prepared = PreparedTimeline.of(timeline);
		for (int frame : new int[] { 0, 13, 29 }) {
			assertThat(render(prepared, frame)).containsOnly(0xFF336699);
		}
	}

	@Test
	void panShowsTheExpectedPartOfTheImage() {
		// Red rises one step every four source pixels, so its value names the source
		// column.
		int[] pixels = new int[1024 * 576];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = 0xFF000000 | ((i % 1024) / 4) << 16;
		}
		Picture ramp = new Picture(1024, 576, pixels);
		Timeline timeline = new Timeline(256, 144, 10,
				List.of(new Scene(ramp, 1000, new KenBurns(2, 2, 0.25, 0.5, 0.75, 0.5), 0, "")));
		PreparedTimeline prepared = PreparedTimeline.of(timeline);
		int[] start = render(prepared, 0);
		int[] end = render(prepared, 10);
		for (int x = 8; x < 248; x += 16) {
			// A zoom of 2 shows 512 source columns: the left half at the start, the right
			// half at the end.
			double sourceColumn = 2 * x + 1;
			assertThat(red(start[72 * 256 + x])).isCloseTo((int) (sourceColumn / 4),
					org.assertj.core.api.Assertions.within(2));
			assertThat(red(end[72 * 256 + x])).isCloseTo((int) ((512 + sourceColumn) / 4),
					org.assertj.core.api.Assertions.within(2));
		}
	}

	@Test
	void crossfadeMidpointIsAnEvenMix() {
		Timeline timeline = new Timeline(64, 36, 10,
				List.of(new Scene(Picture.solid(64, 36, 0xFFFF0000), 2000, KenBurns.still(), 1000, ""),
						new Scene(Picture.solid(64, 36, 0xFF0000FF), 2000, KenBurns.still(), 0, "")));
		PreparedTimeline prepared = PreparedTimeline.of(timeline);
		assertThat(timeline.durationMillis()).isEqualTo(3000);
		assertThat(render(prepared, 9)).containsOnly(0xFFFF0000);
		assertThat(render(prepared, 15)).containsOnly(0xFF7F007F);
		assertThat(render(prepared, 20)).containsOnly(0xFF0000FF);
	}

	@Test
	void captionIsDrawnAtTheBottomOnly() {
		Timeline timeline = new Timeline(640, 360, 30,
				List.of(new Scene(Picture.solid(640, 360, 0xFF000000), 500, KenBurns.still(), 0, "Hello world")));
		int[] frame = render(PreparedTimeline.of(timeline), 0);
		long bright = 0;
		for (int y = 0; y < 360; y++) {
			for (int x = 0; x < 640; x++) {
				if (red(frame[y * 640 + x]) > 200) {
					assertThat(y).as("caption pixel row").isGreaterThan(240);
					bright++;
				}
			}
		}
		assertThat(bright).isGreaterThan(100);
	}

	@Test
	void oneThreadAndManyThreadsGiveTheSameFrames() {
		PreparedTimeline prepared = PreparedTimeline.of(TestTimelines.zoomPanCrossfade(320, 180));
		try (CpuCompositor single = new CpuCompositor(1)) {
			for (int frame = 0; frame < prepared.frameCount(); frame += 7) {
				int[] one = new int[320 * 180];
				single.render(prepared, frame, one);
				assertThat(render(prepared, frame)).isEqualTo(one);
			}
		}
		assertThat(this.compositor.description()).isEqualTo("CPU, 2 thread(s)");
	}

	@Test
	void rejectsAFrameBufferOfTheWrongSize() {
		PreparedTimeline prepared = PreparedTimeline.of(TestTimelines.magnified(64, 36));
		assertThatIllegalArgumentException().isThrownBy(() -> this.compositor.render(prepared, 0, new int[10]))
			.withMessageContaining("need 2304");
		assertThatIllegalArgumentException().isThrownBy(() -> new CpuCompositor(0));
	}

	private int[] render(PreparedTimeline prepared, int frame) {
		int[] pixels = new int[prepared.timeline().width() * prepared.timeline().height()];
		this.compositor.render(prepared, frame, pixels);
		return pixels;
	}

	static int red(int argb) {
		return (argb >> 16) & 0xFF;
	}

}
