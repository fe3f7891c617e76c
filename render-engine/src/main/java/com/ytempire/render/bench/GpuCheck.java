package com.ytempire.render.bench;

import java.io.PrintStream;

import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.compositor.Compositors;
import com.ytempire.render.compositor.CpuCompositor;
import com.ytempire.render.compositor.FrameDifference;
import com.ytempire.render.compositor.GpuMode;
import com.ytempire.render.compositor.GpuProbe;
import com.ytempire.render.compositor.GpuStatus;
import com.ytempire.render.compositor.PreparedTimeline;
import com.ytempire.render.timeline.Timeline;

/**
 * The GPU acceptance check in one run: probe, CPU-versus-GPU frames on several timelines,
 * and the compositor benchmark. Exits non-zero when there is no GPU or a frame differs by
 * more than one.
 */
public final class GpuCheck {

	private GpuCheck() {
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = System.out;
		GpuStatus status = GpuProbe.status();
		out.println("| check | result |");
		out.println("|---|---|");
		out.printf("| probe | %s: %s |%n", status.available() ? "GPU" : "no GPU", status.detail());
		if (!status.available()) {
			System.exit(2);
		}
		int worst = 0;
		try (Compositor gpu = Compositors.select(GpuMode.REQUIRE); CpuCompositor cpu = CpuCompositor.allCores()) {
			for (int[] size : new int[][] { { 1280, 720 }, { 1920, 1080 } }) {
				for (Timeline timeline : BenchmarkTimelines.coverage(size[0], size[1])) {
					PreparedTimeline prepared = PreparedTimeline.of(timeline);
					int largest = 0;
					for (int frame = 0; frame < prepared.frameCount(); frame += 3) {
						int[] a = new int[size[0] * size[1]];
						int[] b = new int[a.length];
						cpu.render(prepared, frame, a);
						gpu.render(prepared, frame, b);
						largest = Math.max(largest, FrameDifference.largest(a, b));
					}
					out.printf("| CPU vs GPU, %dx%d, %d scenes, %d frames | max channel difference %d |%n", size[0],
							size[1], timeline.scenes().size(), prepared.frameCount(), largest);
					worst = Math.max(worst, largest);
				}
			}
		}
		out.println();
		new RenderBenchmark(300, 0, out).run();
		if (worst > 1) {
			out.println("FAILED: GPU frames differ from CPU frames by " + worst);
			System.exit(1);
		}
		out.println("PASSED: GPU frames match CPU frames (max difference " + worst + ")");
	}

}
