package com.ytempire.render.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.ytempire.api.video.FailVideoCommand;
import com.ytempire.api.video.ImagesReadyEvent;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.ProductionStep;
import com.ytempire.api.video.ProductionStepFailedEvent;
import com.ytempire.api.video.ProductionStepStartedEvent;
import com.ytempire.api.video.RecordStepFailureCommand;
import com.ytempire.api.video.RenderStartedEvent;
import com.ytempire.api.video.ScriptReadyEvent;
import com.ytempire.api.video.StartProductionStepCommand;
import com.ytempire.api.video.StartRenderCommand;
import com.ytempire.api.video.VideoCancelledEvent;
import com.ytempire.api.video.VideoHaltedEvent;
import com.ytempire.api.video.VideoPublishedEvent;
import com.ytempire.api.video.VideoRenderedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.api.video.VoiceOverReadyEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSagaTest {

	private static final String VIDEO = "video-1";

	private static final String CHANNEL = "channel-1";

	private static final Instant PUBLISH_AT = Instant.parse("2026-12-01T10:00:00Z");

	private static final MediaRef SCRIPT = new MediaRef("a1", "application/json", 900);

	private static final MediaRef VOICE = new MediaRef("b2", "audio/wav", 48_000);

	private static final MediaRef IMAGE = new MediaRef("c3", "image/png", 20_000);

	private static final MediaRef VIDEO_FILE = new MediaRef("d4", "video/mp4", 900_000);

	private static final Duration RETRY_DELAY = Duration.ofSeconds(10);

	private final SagaTestFixture<ProductionSaga> fixture = new SagaTestFixture<>(ProductionSaga.class);

	private final RecordingWorkQueue queue = new RecordingWorkQueue();

	@BeforeEach
	void setUp() throws Exception {
		this.fixture.registerCommandGateway(CommandGateway.class);
		this.fixture.registerResource(this.queue);
		this.fixture.registerResource(policy());
	}

	@Test
	void aScheduledVideoStartsItsScriptWithATimeLimit() throws Exception {
		this.fixture.givenNoPriorActivity()
			.whenPublishingA(scheduled())
			.expectActiveSagas(1)
			.expectDispatchedCommands(new StartProductionStepCommand(VIDEO, ProductionStep.SCRIPT, 1))
			.expectScheduledDeadlineWithName(timeout(ProductionStep.SCRIPT), ProductionSaga.TIME_LIMIT);
		assertThat(this.queue.last().step()).isEqualTo(ProductionStep.SCRIPT);
		assertThat(this.queue.last().topic()).isEqualTo("volcanoes");
		assertThat(this.queue.last().title()).isEqualTo("Volcanoes in 60 seconds");
	}

	@Test
	void eachResultStartsTheNextStepWithWhatTheEarlierStepsMade() throws Exception {
		this.fixture.givenAPublished(scheduled())
			.andThenAPublished(new ScriptReadyEvent(VIDEO, CHANNEL, SCRIPT, 5))
			.andThenAPublished(new VoiceOverReadyEvent(VIDEO, CHANNEL, VOICE, 30_000, List.of(6_000L, 24_000L)))
			.whenPublishingA(new ImagesReadyEvent(VIDEO, CHANNEL, List.of(IMAGE, IMAGE)))
			.expectDispatchedCommands(new StartRenderCommand(VIDEO, "cpu"),
					new StartProductionStepCommand(VIDEO, ProductionStep.RENDER, 1))
			.expectScheduledDeadlineWithName(timeout(ProductionStep.RENDER), ProductionSaga.TIME_LIMIT);
		var render = this.queue.last();
		assertThat(render.step()).isEqualTo(ProductionStep.RENDER);
		assertThat(render.script()).isEqualTo(SCRIPT);
		assertThat(render.voice()).isEqualTo(VOICE);
		assertThat(render.sceneMillis()).containsExactly(6_000L, 24_000L);
		assertThat(render.images()).containsExactly(IMAGE, IMAGE);
	}

	@Test
	void theHappyPathEndsWithPublicationAndLeavesNothingScheduled() throws Exception {
		this.fixture.givenAPublished(scheduled())
			.andThenAPublished(new ScriptReadyEvent(VIDEO, CHANNEL, SCRIPT, 5))
			.andThenAPublished(new VoiceOverReadyEvent(VIDEO, CHANNEL, VOICE, 30_000, List.of(30_000L)))
			.andThenAPublished(new ImagesReadyEvent(VIDEO, CHANNEL, List.of(IMAGE)))
			.andThenAPublished(new RenderStartedEvent(VIDEO, CHANNEL, "cpu"))
			.andThenAPublished(new VideoRenderedEvent(VIDEO, CHANNEL, VIDEO_FILE, 30_000, 1280, 720))
			.whenPublishingA(new VideoPublishedEvent(VIDEO, CHANNEL, "https://youtu.be/abc"))
			.expectActiveSagas(0)
			.expectNoDispatchedCommands()
			.expectNoScheduledDeadlines();
		List<ProductionStep> steps = this.queue.queued.stream().map((request) -> request.step()).toList();
		assertThat(steps).containsExactly(ProductionStep.values());
		assertThat(this.queue.queued).allSatisfy((request) -> assertThat(request.attempt()).isEqualTo(1));
	}

	@ParameterizedTest
	@EnumSource(ProductionStep.class)
	void aRetryableFailureTriesTheStepAgainAfterTheRetryDelay(ProductionStep step) throws Exception {
		givenRunning(step).whenPublishingA(failed(step, 1, true, 0))
			.expectNoDispatchedCommands()
			.expectScheduledDeadlineWithName(RETRY_DELAY, ProductionSaga.RETRY);
		this.fixture.whenTimeElapses(RETRY_DELAY)
			.expectDispatchedCommands(new StartProductionStepCommand(VIDEO, step, 2))
			.expectScheduledDeadlineWithName(timeout(step), ProductionSaga.TIME_LIMIT);
		assertThat(this.queue.last().step()).isEqualTo(step);
		assertThat(this.queue.last().attempt()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(ProductionStep.class)
	void anAttemptThatOutlivesItsTimeLimitCountsAsARetryableFailure(ProductionStep step) throws Exception {
		givenRunning(step).whenTimeElapses(timeout(step))
			.expectDispatchedCommands(new RecordStepFailureCommand(VIDEO, step, 1,
					"no result within " + timeout(step).toSeconds() + " s", true, 0));
		assertThat(this.queue.abandoned).containsExactly(VIDEO + " " + step + " 1");
	}

	@Test
	void theWaitDoublesAfterEachFailureAndHonoursTheProvidersRetryAfter() throws Exception {
		this.fixture.givenAPublished(scheduled())
			.andThenAPublished(failed(ProductionStep.SCRIPT, 1, true, 0))
			.andThenTimeElapses(RETRY_DELAY)
			.whenPublishingA(failed(ProductionStep.SCRIPT, 2, true, 0))
			.expectScheduledDeadlineWithName(RETRY_DELAY.multipliedBy(2), ProductionSaga.RETRY);
		this.fixture.givenAPublished(scheduled())
			.whenPublishingA(failed(ProductionStep.SCRIPT, 1, true, 60_000))
			.expectScheduledDeadlineWithName(Duration.ofSeconds(60), ProductionSaga.RETRY);
	}

	@Test
	void theLastAllowedFailureFailsTheVideoWithTheReason() throws Exception {
		this.fixture.givenAPublished(scheduled())
			.andThenAPublished(failed(ProductionStep.SCRIPT, 1, true, 0))
			.andThenTimeElapses(RETRY_DELAY)
			.andThenAPublished(failed(ProductionStep.SCRIPT, 2, true, 0))
			.andThenTimeElapses(RETRY_DELAY.multipliedBy(2))
			.whenPublishingA(failed(ProductionStep.SCRIPT, 3, true, 0))
			.expectDispatchedCommands(
					new FailVideoCommand(VIDEO, "the script step failed after 3 attempts: provider answered 500"))
			.expectNoScheduledDeadlines();
	}

	@Test
	void aFailureNoAttemptCanGetPastFailsTheVideoAtOnce() throws Exception {
		this.fixture.givenAPublished(scheduled())
			.andThenAPublished(new ScriptReadyEvent(VIDEO, CHANNEL, SCRIPT, 5))
			.andThenAPublished(new VoiceOverReadyEvent(VIDEO, CHANNEL, VOICE, 30_000, List.of(30_000L)))
			.whenPublishingA(new ProductionStepFailedEvent(VIDEO, CHANNEL, ProductionStep.IMAGES, 1,
					"image 2 is not an image", false, 0))
			.expectDispatchedCommands(new FailVideoCommand(VIDEO, "the images step failed: image 2 is not an image"))
			.expectNoScheduledDeadlines();
	}

	@Test
	void aFailureOfAnEarlierAttemptChangesNothing() throws Exception {
		this.fixture.givenAPublished(scheduled())
			.andThenAPublished(failed(ProductionStep.SCRIPT, 1, true, 0))
			.andThenTimeElapses(RETRY_DELAY)
			.whenPublishingA(failed(ProductionStep.SCRIPT, 1, true, 0))
			.expectNoDispatchedCommands()
			.expectScheduledDeadlineWithName(timeout(ProductionStep.SCRIPT), ProductionSaga.TIME_LIMIT);
	}

	@Test
	void cancellingStopsProductionAndDropsWaitingWork() throws Exception {
		ContinuedGivenState given = this.fixture.givenAPublished(scheduled())
			.andThenAPublished(new ScriptReadyEvent(VIDEO, CHANNEL, SCRIPT, 5));
		int withdrawn = this.queue.withdrawn.size();
		given.whenPublishingA(new VideoCancelledEvent(VIDEO, CHANNEL, PUBLISH_AT, "changed plans"))
			.expectActiveSagas(0)
			.expectNoDispatchedCommands()
			.expectNoScheduledDeadlines();
		assertThat(this.queue.withdrawn).hasSize(withdrawn + 1).last().isEqualTo(VIDEO);
		this.fixture.whenTimeElapses(Duration.ofHours(1)).expectNoDispatchedCommands();
	}

	@Test
	void aVideoHaltedAtItsCostCapStopsProductionDuringARetryWait() throws Exception {
		ContinuedGivenState given = this.fixture.givenAPublished(scheduled())
			.andThenAPublished(failed(ProductionStep.SCRIPT, 1, true, 0));
		int withdrawn = this.queue.withdrawn.size();
		given.whenPublishingA(new VideoHaltedEvent(VIDEO, CHANNEL, 600_000, 500_000))
			.expectActiveSagas(0)
			.expectNoScheduledDeadlines();
		assertThat(this.queue.withdrawn).hasSize(withdrawn + 1).last().isEqualTo(VIDEO);
		this.fixture.whenTimeElapses(Duration.ofHours(1)).expectNoDispatchedCommands();
	}

	@Test
	void aStepThatFinishesDropsItsAttemptsStillWaiting() throws Exception {
		ContinuedGivenState given = this.fixture.givenAPublished(scheduled())
			.andThenAPublished(failed(ProductionStep.SCRIPT, 1, true, 0))
			.andThenTimeElapses(RETRY_DELAY);
		int withdrawn = this.queue.withdrawn.size();
		// The first attempt's late result arrives while the second waits for a worker.
		given.whenPublishingA(new ScriptReadyEvent(VIDEO, CHANNEL, SCRIPT, 5))
			.expectDispatchedCommands(new StartProductionStepCommand(VIDEO, ProductionStep.VOICE, 1));
		assertThat(this.queue.withdrawn).hasSize(withdrawn + 1);
		assertThat(this.queue.last().step()).isEqualTo(ProductionStep.VOICE);
	}

	@Test
	void afterARestartMidRenderTheRendersTimeLimitStillFiresAndTheNextAttemptStarts() throws Exception {
		// The fixture keeps deadlines as the deadline store does across a restart: the
		// render's worker died with the process, so no result ever arrives.
		givenRunning(ProductionStep.RENDER).andThenTimeElapses(timeout(ProductionStep.RENDER))
			.whenPublishingA(failed(ProductionStep.RENDER, 1, true, 0))
			.expectScheduledDeadlineWithName(RETRY_DELAY, ProductionSaga.RETRY);
		this.fixture.whenTimeElapses(RETRY_DELAY)
			.expectDispatchedCommands(new StartProductionStepCommand(VIDEO, ProductionStep.RENDER, 2));
		assertThat(this.queue.abandoned).containsExactly(VIDEO + " RENDER 1");
	}

	private static VideoScheduledEvent scheduled() {
		return new VideoScheduledEvent(VIDEO, CHANNEL, "Volcanoes in 60 seconds", "volcanoes", PUBLISH_AT, "explainer",
				60, 500_000);
	}

	/** A video whose first attempt at the given step is running. */
	private ContinuedGivenState givenRunning(ProductionStep step) throws Exception {
		ContinuedGivenState given = this.fixture.givenAPublished(scheduled());
		for (Object event : eventsUpTo(step)) {
			given = given.andThenAPublished(event);
		}
		return given;
	}

	private static List<Object> eventsUpTo(ProductionStep step) {
		List<Object> events = new ArrayList<>();
		if (step.compareTo(ProductionStep.VOICE) >= 0) {
			events.add(new ScriptReadyEvent(VIDEO, CHANNEL, SCRIPT, 5));
		}
		if (step.compareTo(ProductionStep.IMAGES) >= 0) {
			events.add(new VoiceOverReadyEvent(VIDEO, CHANNEL, VOICE, 30_000, List.of(30_000L)));
		}
		if (step.compareTo(ProductionStep.RENDER) >= 0) {
			events.add(new ImagesReadyEvent(VIDEO, CHANNEL, List.of(IMAGE)));
		}
		if (step.compareTo(ProductionStep.PUBLISH) >= 0) {
			events.add(new VideoRenderedEvent(VIDEO, CHANNEL, VIDEO_FILE, 30_000, 1280, 720));
		}
		events.add(new ProductionStepStartedEvent(VIDEO, CHANNEL, step, 1));
		return events;
	}

	private static ProductionStepFailedEvent failed(ProductionStep step, int attempt, boolean retryable,
			long retryAfterMillis) {
		return new ProductionStepFailedEvent(VIDEO, CHANNEL, step, attempt, "provider answered 500", retryable,
				retryAfterMillis);
	}

	private static Duration timeout(ProductionStep step) {
		return Duration.ofMinutes(step.ordinal() + 1);
	}

	private static ProductionPolicy policy() {
		Map<ProductionStep, Duration> timeouts = new EnumMap<>(ProductionStep.class);
		for (ProductionStep step : ProductionStep.values()) {
			timeouts.put(step, timeout(step));
		}
		return new ProductionPolicy(timeouts, 3, RETRY_DELAY, Duration.ofMinutes(10), "cpu");
	}

}
