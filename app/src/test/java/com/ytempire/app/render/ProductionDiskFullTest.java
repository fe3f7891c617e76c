package com.ytempire.app.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A media disk without room: the first step that stores a file is refused before it
 * writes, its attempts run out, and the video fails saying why.
 */
@IntegrationTest
class ProductionDiskFullTest {

	private static final Path OUTPUT = Path.of("target", "production-it", UUID.randomUUID().toString());

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		registry.add("ytempire.render.enabled", () -> "true");
		registry.add("ytempire.render.media-dir", () -> OUTPUT.resolve("media").toString());
		registry.add("ytempire.render.outbox-dir", () -> OUTPUT.resolve("outbox").toString());
		// No disk here keeps a petabyte free.
		registry.add("ytempire.render.disk-reserve", () -> "1024TB");
		registry.add("ytempire.render.attempts.max", () -> "2");
		registry.add("ytempire.render.attempts.retry-delay", () -> "1s");
	}

	@Test
	void aFullDiskFailsTheVideoWithTheReasonAfterItsAttempts() throws InterruptedException {
		Production production = new Production(this.port, TestKeys.OPERATOR, TestKeys.VIEWER);
		String video = production.schedule("glaciers");

		Map<String, Object> failed = production.awaitStage(video, "FAILED", Duration.ofMinutes(3));

		assertThat((String) failed.get("failureReason")).startsWith("the script step failed after 2 attempts: ")
			.contains("not enough disk space");
		assertThat(Production.payloads(production.events(video), "ProductionStepFailedEvent"))
			.extracting((failure) -> failure.get("step"))
			.containsExactly("SCRIPT", "SCRIPT");
	}

}
