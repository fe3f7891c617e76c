package com.ytempire.app.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.content.OutboxPublisher;
import com.ytempire.render.content.PlaceholderToneSynthesizer;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.media.MediaStore;
import com.ytempire.render.production.VideoProduction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Providers that fail the way real ones do: each failure ends in a retry or in a failed
 * video with a clear reason, never in a saga that waits for ever.
 */
@IntegrationTest
@Import(ProductionFailuresTest.Providers.class)
class ProductionFailuresTest {

	private static Path output;

	@LocalServerPort
	private int port;

	private Production production;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		output = ProductionSwitch.on(registry);
		registry.add("ytempire.render.workers", () -> "2");
		registry.add("ytempire.render.timeouts.script", () -> "3s");
		registry.add("ytempire.render.attempts.retry-delay", () -> "1s");
		registry.add("ytempire.render.attempts.max-retry-delay", () -> "2s");
	}

	@BeforeEach
	void setUp() {
		this.production = new Production(this.port, TestKeys.OPERATOR, TestKeys.VIEWER);
	}

	@Test
	void aProviderThatAnswers500OnceIsRetriedAndTheVideoIsPublished() throws InterruptedException {
		String video = this.production.schedule(ScriptedProviders.FLAKY, ScriptedProviders.SECONDS);

		this.production.awaitStage(video, "PUBLISHED", Duration.ofMinutes(3));

		List<Map<String, Object>> events = this.production.events(video);
		assertThat(Production.payloads(events, "ProductionStepFailedEvent")).singleElement().satisfies((failure) -> {
			assertThat(failure).containsEntry("step", "SCRIPT").containsEntry("attempt", 1);
			assertThat(failure).containsEntry("retryable", true);
			assertThat((String) failure.get("reason")).contains("500");
		});
		assertThat(Production.payloads(events, "ProductionStepStartedEvent"))
			.filteredOn((started) -> "SCRIPT".equals(started.get("step")))
			.extracting((started) -> started.get("attempt"))
			.containsExactly(1, 2);
	}

	@Test
	void whatFailedAttemptsPaidForIsCountedAndTheTotalIsTheSumOfTheCalls() throws InterruptedException {
		String video = this.production.schedule(ScriptedProviders.FLAKY_SECOND_IMAGE, ScriptedProviders.SECONDS);

		Map<String, Object> published = this.production.awaitStage(video, "PUBLISHED", Duration.ofMinutes(3));

		List<Map<String, Object>> costs = costs(published);
		assertThat(costs).filteredOn((cost) -> "IMAGES".equals(cost.get("category")))
			.extracting((cost) -> cost.get("costId"))
			.as("the first picture of each failed attempt, then both pictures")
			.containsExactlyInAnyOrder(video + "/images/1/0", video + "/images/2/0", video + "/images/3/0",
					video + "/images/3/1");
		assertThat(costs.stream().mapToLong((cost) -> ((Number) cost.get("amountMicros")).longValue()).sum())
			.isEqualTo(((Number) published.get("totalCostMicros")).longValue());
	}

	@Test
	void theCostCapHaltsOnWhatFailedAttemptsSpent() throws InterruptedException {
		// One pass costs about $0.0027; the two failed attempts' pictures push it past
		// $0.004.
		String channel = this.production.channelCapped("0.004");
		String video = this.production.schedule(channel, ScriptedProviders.FLAKY_SECOND_IMAGE + ", capped",
				ScriptedProviders.SECONDS);

		Map<String, Object> halted = this.production.awaitStage(video, "HALTED", Duration.ofMinutes(3));

		assertThat(((Number) halted.get("totalCostMicros")).longValue()).isGreaterThan(4_000);
		assertThat(costs(halted)).filteredOn((cost) -> "IMAGES".equals(cost.get("category")))
			.extracting((cost) -> (String) cost.get("costId"))
			.anySatisfy((id) -> assertThat(id).endsWith("/images/1/0"))
			.anySatisfy((id) -> assertThat(id).endsWith("/images/2/0"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> costs(Map<String, Object> detail) {
		return (List<Map<String, Object>>) detail.get("costs");
	}

	@Test
	void aProviderThatDoesNotAnswerInTimeGivesWayToAnotherAttempt() throws InterruptedException {
		String video = this.production.schedule(ScriptedProviders.SLOW, ScriptedProviders.SECONDS);

		this.production.awaitStage(video, "PUBLISHED", Duration.ofMinutes(3));

		assertThat(Production.payloads(this.production.events(video), "ProductionStepFailedEvent"))
			.extracting((failure) -> failure.get("reason"))
			.containsExactly("no result within 3 s");
	}

	@Test
	void anEmptyScriptFailsTheVideoWithTheReasonAndWithoutRetrying() throws InterruptedException {
		String video = this.production.schedule(ScriptedProviders.EMPTY, ScriptedProviders.SECONDS);

		Map<String, Object> failed = this.production.awaitStage(video, "FAILED", Duration.ofMinutes(2));

		assertThat((String) failed.get("failureReason")).startsWith("the script step failed: ")
			.contains("has no scenes");
		assertThat(Production.payloads(this.production.events(video), "ProductionStepStartedEvent")).hasSize(1);
	}

	@Test
	void anImageThatIsNotAnImageFailsTheVideoAtTheRender() throws InterruptedException {
		String video = this.production.schedule(ScriptedProviders.GARBAGE_IMAGE, ScriptedProviders.SECONDS);

		Map<String, Object> failed = this.production.awaitStage(video, "FAILED", Duration.ofMinutes(2));

		assertThat((String) failed.get("failureReason")).startsWith("the render step failed: ")
			.contains("is not a readable image");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Providers {

		@Bean
		@Primary
		VideoProduction scriptedProduction(MediaStore store, Compositor compositor) {
			ScriptedProviders providers = new ScriptedProviders(6_000);
			PriceTable prices = PriceTable.offline();
			return new VideoProduction(providers, new PlaceholderToneSynthesizer(prices), providers,
					new OutboxPublisher(output.resolve("outbox"), prices), store, compositor, prices);
		}

	}

}
