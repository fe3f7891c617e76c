package com.ytempire.render.compositor;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.ytempire.render.timeline.Timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GPU must draw the CPU's frames: same arithmetic, at most one step apart per
 * channel.
 */
class CudaCompositorTest {

	@Test
	void gpuFramesMatchCpuFrames() {
		GpuStatus gpu = GpuProbe.status();
		assumeTrue(gpu.available(), () -> "SKIPPED CPU-vs-GPU comparison: no usable GPU here (" + gpu.detail() + ")");
		List<Timeline> timelines = List.of(TestTimelines.zoomPanCrossfade(1280, 720), TestTimelines.magnified(640, 360),
				TestTimelines.deepLevels(320, 180));
		try (CpuCompositor cpu = new CpuCompositor(2); CudaCompositor cuda = new CudaCompositor()) {
			for (Timeline timeline : timelines) {
				PreparedTimeline prepared = PreparedTimeline.of(timeline);
				for (int frame = 0; frame < prepared.frameCount(); frame += 5) {
					assertThat(FrameDifference.largest(render(cpu, prepared, frame), render(cuda, prepared, frame)))
						.as("largest channel difference in frame %d", frame)
						.isLessThanOrEqualTo(1);
				}
			}
		}
	}

	@Test
	void kernelIsBundled() {
		assertThat(new String(CudaCompositor.ptx(), java.nio.charset.StandardCharsets.US_ASCII))
			.contains(".entry compose");
	}

	private static int[] render(Compositor compositor, PreparedTimeline prepared, int frame) {
		int[] pixels = new int[prepared.timeline().width() * prepared.timeline().height()];
		compositor.render(prepared, frame, pixels);
		return pixels;
	}

}
