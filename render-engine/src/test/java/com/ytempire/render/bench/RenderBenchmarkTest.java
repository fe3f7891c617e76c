package com.ytempire.render.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenderBenchmarkTest {

	@Test
	void printsOneTableRowPerMeasurement() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new RenderBenchmark(3, 6, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
		String table = bytes.toString(StandardCharsets.UTF_8);
		assertThat(table).contains("| compositor, CPU 1 thread (frames/s) |")
			.contains("| encode H.264 + AAC, libopenh264 (frames/s) |")
			.containsPattern("\\| end to end, 6\\.\\d s video, topic to outbox \\(.+\\) \\| \\d+\\.\\d s wall");
	}

	@Test
	void everyCoverageTimelineRenders() {
		assertThat(BenchmarkTimelines.coverage(64, 36)).hasSize(3)
			.allSatisfy((timeline) -> assertThat(timeline.frameCount()).isPositive());
	}

}
