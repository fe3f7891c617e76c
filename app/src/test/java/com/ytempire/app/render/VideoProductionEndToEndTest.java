package com.ytempire.app.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.render.encode.MediaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole production line on the embedded default: a scheduled video is scripted,
 * voiced, illustrated, rendered and published into the outbox by the saga, through the
 * real database, real FFmpeg and real HTTP.
 */
@IntegrationTest
class VideoProductionEndToEndTest {

	private static Path output;

	@LocalServerPort
	private int port;

	private Production production;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		output = ProductionSwitch.on(registry);
	}

	@BeforeEach
	void setUp() {
		this.production = new Production(this.port, TestKeys.OPERATOR, TestKeys.VIEWER);
	}

	@Test
	void aScheduledVideoBecomesAnMp4InTheOutboxWithItsCostsRecorded() throws Exception {
		String video = this.production.schedule("volcanoes");

		Map<String, Object> detail = this.production.awaitStage(video, "PUBLISHED", Duration.ofMinutes(4));

		Path mp4 = output.resolve("outbox").resolve(video + ".mp4");
		assertThat(mp4).exists();
		assertThat(output.resolve("outbox").resolve(video + ".json")).as("published under the scheduled title")
			.content()
			.contains("\"title\" : \"About volcanoes\"");
		MediaProbe probe = MediaProbe.of(mp4);
		assertThat(probe.videoCodec()).isEqualTo("h264");
		assertThat(probe.audioCodec()).isEqualTo("aac");
		assertThat(probe.width()).isEqualTo(1280);
		assertThat(probe.height()).isEqualTo(720);
		List<Map<String, Object>> history = this.production.events(video);
		Map<String, Object> rendered = payloadOf(history, "VideoRenderedEvent");
		double timelineSeconds = ((Number) rendered.get("durationMillis")).longValue() / 1000.0;
		assertThat(probe.durationSeconds()).isCloseTo(timelineSeconds, within(0.1))
			.as("the scheduled length, within 5%")
			.isCloseTo(Production.SECONDS, within(Production.SECONDS * 0.05));
		assertThat(detail).as("planned length").containsEntry("targetLengthSeconds", Production.SECONDS);
		assertThat(((Map<?, ?>) detail.get("video")).get("durationMillis")).as("produced length")
			.isEqualTo(((Number) rendered.get("durationMillis")).intValue());
		assertThat(Files.size(mp4))
			.isEqualTo(((Number) ((Map<?, ?>) rendered.get("video")).get("sizeBytes")).longValue());

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> costs = (List<Map<String, Object>>) detail.get("costs");
		assertThat(costs).extracting((cost) -> cost.get("category"))
			.contains("SCRIPT", "VOICE", "IMAGES", "RENDER", "PUBLISH");
		long itemized = costs.stream().mapToLong((cost) -> ((Number) cost.get("amountMicros")).longValue()).sum();
		assertThat(itemized).isPositive().isEqualTo(((Number) detail.get("totalCostMicros")).longValue());

		@SuppressWarnings("unchecked")
		Map<String, Object> file = (Map<String, Object>) detail.get("video");
		byte[] served = this.production.viewer()
			.client()
			.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build()
			.get()
			.uri((String) file.get("href"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("video/mp4")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(served).isEqualTo(Files.readAllBytes(mp4));
		this.production.viewer()
			.client()
			.get()
			.uri((String) file.get("href"))
			.header("Range", "bytes=0-99")
			.exchange()
			.expectStatus()
			.isEqualTo(206)
			.expectHeader()
			.contentLength(100);

		String metrics = this.production.viewer()
			.client()
			.get()
			.uri("/api/metrics")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("ytempire_render_queue_depth{state=\"queued\"} 0.0",
				"ytempire_render_queue_depth{state=\"running\"} 0.0");
		assertThat(metrics).containsPattern("ytempire_render_path\\{path=\"(cpu|gpu)\"\\} 1.0");

		assertThat(history.get(history.size() - 1)).containsEntry("type", "VideoPublishedEvent");
		assertThat(Production.payloads(history, "ProductionStepStartedEvent")).hasSize(5);
	}

	private static Map<String, Object> payloadOf(List<Map<String, Object>> history, String type) {
		return Production.payloads(history, type)
			.stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " in " + history));
	}

}
