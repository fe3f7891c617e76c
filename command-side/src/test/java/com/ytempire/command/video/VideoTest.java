package com.ytempire.command.video;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.video.CancelVideoCommand;
import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.FailVideoCommand;
import com.ytempire.api.video.ImagesReadyEvent;
import com.ytempire.api.video.MarkImagesReadyCommand;
import com.ytempire.api.video.MarkPublishedCommand;
import com.ytempire.api.video.MarkRenderedCommand;
import com.ytempire.api.video.MarkScriptReadyCommand;
import com.ytempire.api.video.MarkVoiceOverReadyCommand;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.ProductionStep;
import com.ytempire.api.video.ProductionStepFailedEvent;
import com.ytempire.api.video.ProductionStepStartedEvent;
import com.ytempire.api.video.RecordCostCommand;
import com.ytempire.api.video.RecordStepFailureCommand;
import com.ytempire.api.video.RenderStartedEvent;
import com.ytempire.api.video.ScheduleVideoCommand;
import com.ytempire.api.video.ScriptReadyEvent;
import com.ytempire.api.video.StartProductionStepCommand;
import com.ytempire.api.video.StartRenderCommand;
import com.ytempire.api.video.VideoCancelledEvent;
import com.ytempire.api.video.VideoFailedEvent;
import com.ytempire.api.video.VideoHaltedEvent;
import com.ytempire.api.video.VideoPublishedEvent;
import com.ytempire.api.video.VideoRenderedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.api.video.VideoStage;
import com.ytempire.api.video.VoiceOverReadyEvent;
import com.ytempire.command.CommandRejectedException;
import com.ytempire.command.video.ChannelPolicies.ChannelPolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class VideoTest {

	private static final String ID = "video-1";

	private static final String CHANNEL = "channel-1";

	private static final Instant PUBLISH_AT = Instant.parse("2026-12-01T10:00:00Z");

	private static final long CAP = 500_000;

	private static final ScheduleVideoCommand SCHEDULE = new ScheduleVideoCommand(ID, CHANNEL, "Pasta in 60 s",
			"quick pasta", PUBLISH_AT, "default", 60);

	/** The legacy name {@code default} is stored as the style it means. */
	private static final VideoScheduledEvent SCHEDULED = new VideoScheduledEvent(ID, CHANNEL, "Pasta in 60 s",
			"quick pasta", PUBLISH_AT, "classic", 60, CAP);

	private static final MediaRef SCRIPT = new MediaRef("aa11", "application/json", 120);

	private static final MediaRef AUDIO = new MediaRef("bb22", "audio/wav", 4000);

	private static final MediaRef IMAGE = new MediaRef("cc33", "image/png", 9000);

	private static final MediaRef MP4 = new MediaRef("dd44", "video/mp4", 90000);

	private static final ScriptReadyEvent SCRIPT_READY = new ScriptReadyEvent(ID, CHANNEL, SCRIPT, 3);

	private static final VoiceOverReadyEvent VOICE_READY = new VoiceOverReadyEvent(ID, CHANNEL, AUDIO, 60_000,
			List.of(60_000L));

	private static final ImagesReadyEvent IMAGES_READY = new ImagesReadyEvent(ID, CHANNEL, List.of(IMAGE));

	private static final RenderStartedEvent RENDERING = new RenderStartedEvent(ID, CHANNEL, "cpu");

	private static final VideoRenderedEvent RENDERED = new VideoRenderedEvent(ID, CHANNEL, MP4, 60_000, 1280, 720);

	private final ChannelPolicies channels = mock(ChannelPolicies.class);

	private AggregateTestFixture<Video> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Video.class);
		this.fixture.registerInjectableResource(this.channels);
		when(this.channels.find(CHANNEL)).thenReturn(Optional.of(new ChannelPolicy(ChannelStatus.ACTIVE, 3, CAP)));
		when(this.channels.reserveSlot(CHANNEL, LocalDate.of(2026, 12, 1), 3)).thenReturn(true);
	}

	@Test
	void schedulesVideoWithTheChannelsCap() {
		this.fixture.givenNoPriorActivity().when(SCHEDULE).expectEvents(SCHEDULED);
	}

	@Test
	void rejectsUnknownChannel() {
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleVideoCommand(ID, "nope", "t", "t", PUBLISH_AT, "default", 60))
			.expectException(CommandRejectedException.class)
			.expectExceptionMessage("There is no channel with id nope");
	}

	@Test
	void rejectsSchedulingOnPausedChannel() {
		when(this.channels.find(CHANNEL)).thenReturn(Optional.of(new ChannelPolicy(ChannelStatus.PAUSED, 3, CAP)));
		this.fixture.givenNoPriorActivity()
			.when(SCHEDULE)
			.expectExceptionMessage("Channel channel-1 is paused; videos can only be scheduled on an active channel");
		verify(this.channels, never()).reserveSlot(anyString(), any(), anyInt());
	}

	@Test
	void rejectsSchedulingOnArchivedChannel() {
		when(this.channels.find(CHANNEL)).thenReturn(Optional.of(new ChannelPolicy(ChannelStatus.ARCHIVED, 3, CAP)));
		this.fixture.givenNoPriorActivity()
			.when(SCHEDULE)
			.expectExceptionMessage("Channel channel-1 is archived; videos can only be scheduled on an active channel");
	}

	@Test
	void rejectsSchedulingBeyondDailyQuota() {
		when(this.channels.reserveSlot(CHANNEL, LocalDate.of(2026, 12, 1), 3)).thenReturn(false);
		this.fixture.givenNoPriorActivity()
			.when(SCHEDULE)
			.expectExceptionMessage("Channel channel-1 has used its daily quota of 3 videos for 2026-12-01")
			.expectNoEvents();
	}

	@Test
	void rejectsBlankTitleMissingPublishTimeAndOddLengths() {
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleVideoCommand(ID, CHANNEL, " ", "topic", PUBLISH_AT, "default", 60))
			.expectExceptionMessage("The title must not be empty");
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleVideoCommand(ID, CHANNEL, "t", "x".repeat(501), PUBLISH_AT, "default", 60))
			.expectExceptionMessage("The topic must be at most 500 characters");
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleVideoCommand(ID, CHANNEL, "t", "t", null, "default", 60))
			.expectExceptionMessage("A video needs a publish time");
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleVideoCommand(ID, CHANNEL, "t", "t", PUBLISH_AT, "default", 4))
			.expectExceptionMessage("The target length must be between 5 and 10800 seconds, not 4");
		this.fixture.givenNoPriorActivity()
			.when(new ScheduleVideoCommand(ID, CHANNEL, "t", "t", PUBLISH_AT, "vaporwave", 60))
			.expectExceptionMessage("There is no style 'vaporwave'; choose one of classic, minimal, neon");
	}

	@Test
	void walksThroughEveryStageToPublication() {
		this.fixture.given(SCHEDULED).when(new MarkScriptReadyCommand(ID, SCRIPT, 3)).expectEvents(SCRIPT_READY);
		this.fixture.given(SCHEDULED, SCRIPT_READY)
			.when(new MarkVoiceOverReadyCommand(ID, AUDIO, 60_000, List.of(60_000L)))
			.expectEvents(VOICE_READY);
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY)
			.when(new MarkImagesReadyCommand(ID, List.of(IMAGE)))
			.expectEvents(IMAGES_READY);
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY, IMAGES_READY)
			.when(new StartRenderCommand(ID, "cpu"))
			.expectEvents(RENDERING);
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY, IMAGES_READY, RENDERING)
			.when(new MarkRenderedCommand(ID, MP4, 60_000, 1280, 720))
			.expectEvents(RENDERED);
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY, IMAGES_READY, RENDERING, RENDERED)
			.when(new MarkPublishedCommand(ID, "yt-abc"))
			.expectEvents(new VideoPublishedEvent(ID, CHANNEL, "yt-abc"));
	}

	@Test
	void rejectsStagesOutOfOrder() {
		this.fixture.given(SCHEDULED)
			.when(new MarkVoiceOverReadyCommand(ID, AUDIO, 60_000, List.of(60_000L)))
			.expectExceptionMessage("Video video-1 is scheduled; it must be script ready to become voice ready");
		this.fixture.given(SCHEDULED, SCRIPT_READY)
			.when(new MarkScriptReadyCommand(ID, SCRIPT, 3))
			.expectException(CommandRejectedException.class);
		this.fixture.given(SCHEDULED)
			.when(new MarkPublishedCommand(ID, "yt"))
			.expectExceptionMessage("Video video-1 is scheduled; it must be rendered to become published");
		this.fixture.given(SCHEDULED)
			.when(new StartRenderCommand(ID, "gpu"))
			.expectException(CommandRejectedException.class);
		this.fixture.given(SCHEDULED)
			.when(new MarkRenderedCommand(ID, MP4, 1, 1, 1))
			.expectException(CommandRejectedException.class);
		this.fixture.given(SCHEDULED)
			.when(new MarkImagesReadyCommand(ID, List.of(IMAGE)))
			.expectException(CommandRejectedException.class);
	}

	@Test
	void rejectsEmptyMedia() {
		this.fixture.given(SCHEDULED)
			.when(new MarkScriptReadyCommand(ID, new MediaRef("aa", "text/plain", 0), 1))
			.expectExceptionMessage("The script must name a stored, non-empty file");
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY)
			.when(new MarkImagesReadyCommand(ID, List.of()))
			.expectExceptionMessage("Images ready needs at least one image");
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY, IMAGES_READY, RENDERING, RENDERED)
			.when(new MarkPublishedCommand(ID, " "))
			.expectExceptionMessage("A published video needs the id the platform gave it");
	}

	@Test
	void failsWithReasonAtCurrentStage() {
		this.fixture.given(SCHEDULED, SCRIPT_READY)
			.when(new FailVideoCommand(ID, "voice provider down"))
			.expectEvents(new VideoFailedEvent(ID, CHANNEL, VideoStage.SCRIPT_READY, "voice provider down"));
	}

	@Test
	void rejectsFailingEndedVideo() {
		this.fixture.given(SCHEDULED, new VideoCancelledEvent(ID, CHANNEL, PUBLISH_AT, "x"))
			.when(new FailVideoCommand(ID, null))
			.expectExceptionMessage("Video video-1 is already cancelled; it cannot fail now");
	}

	@Test
	void cancelsWithItsPublishTimeSoTheSlotCanBeFreed() {
		this.fixture.given(SCHEDULED)
			.when(new CancelVideoCommand(ID, null))
			.expectEvents(new VideoCancelledEvent(ID, CHANNEL, PUBLISH_AT, "no reason given"));
	}

	@Test
	void nothingChangesAfterCancelOrPublish() {
		VideoCancelledEvent cancelled = new VideoCancelledEvent(ID, CHANNEL, PUBLISH_AT, "x");
		this.fixture.given(SCHEDULED, cancelled)
			.when(new CancelVideoCommand(ID, null))
			.expectExceptionMessage("Video video-1 is already cancelled; it cannot be cancelled");
		this.fixture.given(SCHEDULED, cancelled)
			.when(new MarkScriptReadyCommand(ID, SCRIPT, 1))
			.expectException(CommandRejectedException.class);
		this.fixture.given(SCHEDULED, cancelled)
			.when(new RecordCostCommand(ID, "c1", CostCategory.SCRIPT, 10, "openai", 1))
			.expectExceptionMessage("Video video-1 is cancelled; no more costs can be recorded");
		VideoPublishedEvent published = new VideoPublishedEvent(ID, CHANNEL, "yt");
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY, IMAGES_READY, RENDERING, RENDERED, published)
			.when(new CancelVideoCommand(ID, null))
			.expectExceptionMessage("Video video-1 is already published; it cannot be cancelled");
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY, IMAGES_READY, RENDERING, RENDERED, published)
			.when(new RecordCostCommand(ID, "c1", CostCategory.STORAGE, 10, "s3", 1))
			.expectException(CommandRejectedException.class);
	}

	@Test
	void recordsCostWithRunningTotal() {
		this.fixture
			.given(SCHEDULED,
					new CostRecordedEvent(ID, CHANNEL, "c1", CostCategory.SCRIPT, 100_000, "openai", 900, 100_000))
			.when(new RecordCostCommand(ID, "c2", CostCategory.VOICE, 150_000, "elevenlabs", 1200))
			.expectEvents(
					new CostRecordedEvent(ID, CHANNEL, "c2", CostCategory.VOICE, 150_000, "elevenlabs", 1200, 250_000));
	}

	@Test
	void repeatedCostIdIsIgnored() {
		CostRecordedEvent first = new CostRecordedEvent(ID, CHANNEL, "c1", CostCategory.SCRIPT, 100_000, "openai", 900,
				100_000);
		this.fixture.given(SCHEDULED, first)
			.when(new RecordCostCommand(ID, "c1", CostCategory.SCRIPT, 100_000, "openai", 900))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void repeatedCostIdWithOtherValuesIsRejected() {
		CostRecordedEvent first = new CostRecordedEvent(ID, CHANNEL, "c1", CostCategory.SCRIPT, 100_000, "openai", 900,
				100_000);
		this.fixture.given(SCHEDULED, first)
			.when(new RecordCostCommand(ID, "c1", CostCategory.SCRIPT, 200_000, "openai", 900))
			.expectExceptionMessage("Cost c1 was already recorded on video video-1 with other values");
	}

	@Test
	void rejectsNegativeAbsurdAndIncompleteCosts() {
		this.fixture.given(SCHEDULED)
			.when(new RecordCostCommand(ID, "c1", CostCategory.SCRIPT, -1, "openai", 0))
			.expectExceptionMessage("A cost cannot be negative");
		this.fixture.given(SCHEDULED)
			.when(new RecordCostCommand(ID, "c1", CostCategory.SCRIPT, 1_000_000_001L, "openai", 0))
			.expectExceptionMessage("A single cost above $1,000 is not accepted; check the amount's unit");
		this.fixture.given(SCHEDULED)
			.when(new RecordCostCommand(ID, "c1", null, 1, "openai", 0))
			.expectExceptionMessage("A cost needs a category");
		this.fixture.given(SCHEDULED)
			.when(new RecordCostCommand(ID, "c1", CostCategory.SCRIPT, 1, "openai", -5))
			.expectExceptionMessage("Units cannot be negative");
		this.fixture.given(SCHEDULED)
			.when(new RecordCostCommand(ID, "", CostCategory.SCRIPT, 1, "openai", 0))
			.expectExceptionMessage("The cost id must not be empty");
	}

	@Test
	void haltsWhenCostsPassTheCap() {
		this.fixture
			.given(SCHEDULED,
					new CostRecordedEvent(ID, CHANNEL, "c1", CostCategory.SCRIPT, 400_000, "openai", 1, 400_000))
			.when(new RecordCostCommand(ID, "c2", CostCategory.IMAGES, 100_001, "sd", 4))
			.expectEvents(new CostRecordedEvent(ID, CHANNEL, "c2", CostCategory.IMAGES, 100_001, "sd", 4, 500_001),
					new VideoHaltedEvent(ID, CHANNEL, 500_001, CAP));
	}

	@Test
	void costExactlyAtTheCapDoesNotHalt() {
		this.fixture.given(SCHEDULED)
			.when(new RecordCostCommand(ID, "c1", CostCategory.RENDER, CAP, "gpu", 60))
			.expectEvents(new CostRecordedEvent(ID, CHANNEL, "c1", CostCategory.RENDER, CAP, "gpu", 60, CAP));
	}

	@Test
	void haltedVideoStopsProductionButStillRecordsCostsAndCanBeCancelled() {
		CostRecordedEvent big = new CostRecordedEvent(ID, CHANNEL, "c1", CostCategory.SCRIPT, 600_000, "openai", 1,
				600_000);
		VideoHaltedEvent halted = new VideoHaltedEvent(ID, CHANNEL, 600_000, CAP);
		this.fixture.given(SCHEDULED, big, halted)
			.when(new MarkScriptReadyCommand(ID, SCRIPT, 1))
			.expectExceptionMessage("Video video-1 is halted; it must be scheduled to become script ready");
		this.fixture.given(SCHEDULED, big, halted)
			.when(new RecordCostCommand(ID, "c2", CostCategory.STORAGE, 1, "s3", 1))
			.expectEvents(new CostRecordedEvent(ID, CHANNEL, "c2", CostCategory.STORAGE, 1, "s3", 1, 600_001));
		this.fixture.given(SCHEDULED, big, halted)
			.when(new CancelVideoCommand(ID, "over budget"))
			.expectEvents(new VideoCancelledEvent(ID, CHANNEL, PUBLISH_AT, "over budget"));
	}

	@Test
	void startsEachAttemptOnceAndInOrder() {
		this.fixture.given(SCHEDULED)
			.when(new StartProductionStepCommand(ID, ProductionStep.SCRIPT, 1))
			.expectEvents(new ProductionStepStartedEvent(ID, CHANNEL, ProductionStep.SCRIPT, 1));
		this.fixture.given(SCHEDULED, new ProductionStepStartedEvent(ID, CHANNEL, ProductionStep.SCRIPT, 1))
			.when(new StartProductionStepCommand(ID, ProductionStep.SCRIPT, 1))
			.expectException(CommandRejectedException.class)
			.expectExceptionMessage(
					"Attempt 1 at the script step of video " + ID + " cannot start; the next attempt is 2");
		this.fixture.given(SCHEDULED)
			.when(new StartProductionStepCommand(ID, ProductionStep.SCRIPT, 3))
			.expectException(CommandRejectedException.class);
	}

	@Test
	void startsAStepOnlyFromTheStageItNeeds() {
		this.fixture.given(SCHEDULED)
			.when(new StartProductionStepCommand(ID, ProductionStep.VOICE, 1))
			.expectException(CommandRejectedException.class)
			.expectExceptionMessage(
					"Video " + ID + " is scheduled; the voice step starts only when it is script ready");
		this.fixture.given(SCHEDULED, SCRIPT_READY, VOICE_READY, IMAGES_READY, RENDERING)
			.when(new StartProductionStepCommand(ID, ProductionStep.RENDER, 1))
			.expectEvents(new ProductionStepStartedEvent(ID, CHANNEL, ProductionStep.RENDER, 1));
	}

	@Test
	void recordsTheFailureOfTheRunningAttemptOnce() {
		ProductionStepStartedEvent started = new ProductionStepStartedEvent(ID, CHANNEL, ProductionStep.SCRIPT, 1);
		RecordStepFailureCommand failure = new RecordStepFailureCommand(ID, ProductionStep.SCRIPT, 1,
				"  provider answered 503 ", true, 2_000);
		ProductionStepFailedEvent failed = new ProductionStepFailedEvent(ID, CHANNEL, ProductionStep.SCRIPT, 1,
				"provider answered 503", true, 2_000);
		this.fixture.given(SCHEDULED, started).when(failure).expectEvents(failed);
		this.fixture.given(SCHEDULED, started, failed).when(failure).expectException(CommandRejectedException.class);
		this.fixture.given(SCHEDULED).when(failure).expectException(CommandRejectedException.class);
	}

	@Test
	void aFailureAfterTheStepSucceededOrProductionEndedIsRefused() {
		ProductionStepStartedEvent started = new ProductionStepStartedEvent(ID, CHANNEL, ProductionStep.SCRIPT, 1);
		RecordStepFailureCommand failure = new RecordStepFailureCommand(ID, ProductionStep.SCRIPT, 1, "late", true, 0);
		this.fixture.given(SCHEDULED, started, SCRIPT_READY)
			.when(failure)
			.expectException(CommandRejectedException.class);
		this.fixture.given(SCHEDULED, started, new VideoCancelledEvent(ID, CHANNEL, PUBLISH_AT, "no"))
			.when(failure)
			.expectException(CommandRejectedException.class);
	}

}
