package com.ytempire.render.encode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ytempire.render.compositor.CpuCompositor;
import com.ytempire.render.compositor.PreparedTimeline;
import com.ytempire.render.timeline.KenBurns;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.timeline.Scene;
import com.ytempire.render.timeline.Timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VideoRendererTest {

	@TempDir
	Path folder;

	@Test
	void writesH264AndAacMp4OfTheTimelinesLength() throws Exception {
		Timeline timeline = new Timeline(1280, 720, 30,
				List.of(new Scene(Picture.solid(1920, 1080, 0xFF2060A0), 1700, new KenBurns(1, 1.2, 0.4, 0.5, 0.6, 0.5),
						500, "First"),
						new Scene(Picture.solid(1920, 1080, 0xFFA06020), 1800, KenBurns.still(), 0, "")));
		Path file = this.folder.resolve("out.mp4");
		try (CpuCompositor compositor = CpuCompositor.allCores()) {
			new VideoRenderer(compositor).render(PreparedTimeline.of(timeline), AudioTrack.silence(22_050, 2000), file);
		}
		MediaProbe probe = MediaProbe.of(file);
		assertThat(probe.videoCodec()).isEqualTo("h264");
		assertThat(probe.audioCodec()).isEqualTo("aac");
		assertThat(probe.width()).isEqualTo(1280);
		assertThat(probe.height()).isEqualTo(720);
		assertThat(probe.sampleRate()).isEqualTo(48_000);
		assertThat(probe.durationSeconds()).isCloseTo(timeline.durationMillis() / 1000.0, within(0.1));
		assertThat(Files.size(file)).isGreaterThan(1000);
	}

}
