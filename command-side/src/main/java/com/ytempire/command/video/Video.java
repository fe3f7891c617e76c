package com.ytempire.command.video;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.video.CancelVideoCommand;
import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.FailVideoCommand;
import com.ytempire.api.video.ImagesReadyEvent;
import com.ytempire.api.video.MarkImagesReadyCommand;
import com.ytempire.api.video.MarkPublishedCommand;
import com.ytempire.api.video.MarkRenderedCommand;
import com.ytempire.api.video.MarkScriptReadyCommand;
import com.ytempire.api.video.MarkVoiceOverReadyCommand;
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
import com.ytempire.command.video.ChannelPolicies.ChannelPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static com.ytempire.command.CommandRejectedException.conflict;
import static com.ytempire.command.CommandRejectedException.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One video's way from scheduling to publication, and the money spent on it. Stages
 * follow one another strictly; recorded costs above the video's cap halt production.
 */
@Aggregate(snapshotTriggerDefinition = "videoSnapshotTrigger")
class Video {

	@AggregateIdentifier
	private String videoId;

	private String channelId;

	private VideoStage stage;

	private Instant publishAt;

	private long costCapMicros;

	private long totalCostMicros;

	private Map<String, RecordedCost> costs = new HashMap<>();

	/** The last attempt started at each step, so no attempt can start twice. */
	private Map<ProductionStep, Integer> startedAttempts = new EnumMap<>(ProductionStep.class);

	/** The last attempt that failed at each step, so a failure counts once. */
	private Map<ProductionStep, Integer> failedAttempts = new EnumMap<>(ProductionStep.class);

	protected Video() {
	}

	@CommandHandler
	Video(ScheduleVideoCommand command, ChannelPolicies channels) {
		VideoRules.checkSchedule(command);
		String style = VideoRules.style(command.style());
		ChannelPolicy channel = channels.find(command.channelId())
			.orElseThrow(() -> invalid("There is no channel with id " + command.channelId()));
		if (channel.status() != ChannelStatus.ACTIVE) {
			throw conflict("Channel " + command.channelId() + " is " + channel.status().name().toLowerCase()
					+ "; videos can only be scheduled on an active channel");
		}
		if (!channels.reserveSlot(command.channelId(), ChannelPolicyUpdater.publishDay(command.publishAt()),
				channel.dailyVideoQuota())) {
			throw conflict(
					"Channel " + command.channelId() + " has used its daily quota of " + channel.dailyVideoQuota()
							+ " videos for " + ChannelPolicyUpdater.publishDay(command.publishAt()));
		}
		apply(new VideoScheduledEvent(command.videoId(), command.channelId(), command.title().strip(),
				command.topic().strip(), command.publishAt(), style, command.targetLengthSeconds(),
				channel.costCapPerVideoMicros()));
	}

	@CommandHandler
	void handle(MarkScriptReadyCommand command) {
		advance(VideoStage.SCHEDULED, VideoStage.SCRIPT_READY);
		VideoRules.checkMedia(command.script(), "script");
		apply(new ScriptReadyEvent(this.videoId, this.channelId, command.script(), command.sceneCount()));
	}

	@CommandHandler
	void handle(MarkVoiceOverReadyCommand command) {
		advance(VideoStage.SCRIPT_READY, VideoStage.VOICE_READY);
		VideoRules.checkMedia(command.audio(), "voice-over");
		apply(new VoiceOverReadyEvent(this.videoId, this.channelId, command.audio(), command.durationMillis(),
				command.sceneMillis()));
	}

	@CommandHandler
	void handle(MarkImagesReadyCommand command) {
		advance(VideoStage.VOICE_READY, VideoStage.IMAGES_READY);
		if (command.images() == null || command.images().isEmpty()) {
			throw invalid("Images ready needs at least one image");
		}
		command.images().forEach((image) -> VideoRules.checkMedia(image, "image"));
		apply(new ImagesReadyEvent(this.videoId, this.channelId, List.copyOf(command.images())));
	}

	@CommandHandler
	void handle(StartRenderCommand command) {
		advance(VideoStage.IMAGES_READY, VideoStage.RENDERING);
		apply(new RenderStartedEvent(this.videoId, this.channelId, command.renderPath()));
	}

	@CommandHandler
	void handle(MarkRenderedCommand command) {
		advance(VideoStage.RENDERING, VideoStage.RENDERED);
		VideoRules.checkMedia(command.video(), "rendered video");
		apply(new VideoRenderedEvent(this.videoId, this.channelId, command.video(), command.durationMillis(),
				command.width(), command.height()));
	}

	@CommandHandler
	void handle(MarkPublishedCommand command) {
		advance(VideoStage.RENDERED, VideoStage.PUBLISHED);
		if (command.externalVideoId() == null || command.externalVideoId().isBlank()) {
			throw invalid("A published video needs the id the platform gave it");
		}
		if (command.externalVideoId().length() > VideoRules.MAX_EXTERNAL_ID) {
			throw invalid("The platform's video id must be at most " + VideoRules.MAX_EXTERNAL_ID + " characters");
		}
		apply(new VideoPublishedEvent(this.videoId, this.channelId, command.externalVideoId()));
	}

	@CommandHandler
	void handle(StartProductionStepCommand command) {
		ProductionStep step = command.step();
		if (step == null) {
			throw invalid("A production step is required");
		}
		if (this.stage != step.startsFrom()) {
			throw conflict("Video " + this.videoId + " is " + describe(this.stage) + "; the " + describe(step)
					+ " step starts only when it is " + describe(step.startsFrom()));
		}
		int next = this.startedAttempts.getOrDefault(step, 0) + 1;
		if (command.attempt() != next) {
			throw conflict("Attempt " + command.attempt() + " at the " + describe(step) + " step of video "
					+ this.videoId + " cannot start; the next attempt is " + next);
		}
		apply(new ProductionStepStartedEvent(this.videoId, this.channelId, step, command.attempt()));
	}

	@CommandHandler
	void handle(RecordStepFailureCommand command) {
		ProductionStep step = command.step();
		if (step == null) {
			throw invalid("A production step is required");
		}
		if (this.stage.endsProduction() || this.stage != step.startsFrom()) {
			throw conflict("Video " + this.videoId + " is " + describe(this.stage) + "; a failure of its "
					+ describe(step) + " step no longer matters");
		}
		if (command.attempt() != this.startedAttempts.getOrDefault(step, 0)
				|| command.attempt() == this.failedAttempts.getOrDefault(step, 0)) {
			throw conflict("Attempt " + command.attempt() + " is not the running attempt at the " + describe(step)
					+ " step of video " + this.videoId);
		}
		apply(new ProductionStepFailedEvent(this.videoId, this.channelId, step, command.attempt(),
				VideoRules.reason(command.reason()), command.retryable(), Math.max(0, command.retryAfterMillis())));
	}

	@CommandHandler
	void handle(FailVideoCommand command) {
		if (this.stage.endsProduction()) {
			throw conflict("Video " + this.videoId + " is already " + describe(this.stage) + "; it cannot fail now");
		}
		apply(new VideoFailedEvent(this.videoId, this.channelId, this.stage, VideoRules.reason(command.reason())));
	}

	@CommandHandler
	void handle(CancelVideoCommand command) {
		if (this.stage == VideoStage.PUBLISHED || this.stage == VideoStage.CANCELLED
				|| this.stage == VideoStage.FAILED) {
			throw conflict(
					"Video " + this.videoId + " is already " + describe(this.stage) + "; it cannot be cancelled");
		}
		apply(new VideoCancelledEvent(this.videoId, this.channelId, this.publishAt,
				VideoRules.reason(command.reason())));
	}

	@CommandHandler
	void handle(RecordCostCommand command) {
		RecordedCost cost = VideoRules.checkCost(command);
		RecordedCost earlier = this.costs.get(command.costId());
		if (earlier != null) {
			if (earlier.equals(cost)) {
				return;
			}
			throw conflict("Cost " + command.costId() + " was already recorded on video " + this.videoId
					+ " with other values");
		}
		if (this.stage.isFinal()) {
			throw conflict("Video " + this.videoId + " is " + describe(this.stage) + "; no more costs can be recorded");
		}
		long total = Math.addExact(this.totalCostMicros, command.amountMicros());
		apply(new CostRecordedEvent(this.videoId, this.channelId, command.costId(), command.category(),
				command.amountMicros(), command.provider(), command.units(), total));
		if (total > this.costCapMicros && !this.stage.endsProduction()) {
			apply(new VideoHaltedEvent(this.videoId, this.channelId, total, this.costCapMicros));
		}
	}

	private void advance(VideoStage expected, VideoStage next) {
		if (this.stage != expected) {
			throw conflict("Video " + this.videoId + " is " + describe(this.stage) + "; it must be "
					+ describe(expected) + " to become " + describe(next));
		}
	}

	private static String describe(Enum<?> stageOrStep) {
		return stageOrStep.name().toLowerCase().replace('_', ' ');
	}

	@EventSourcingHandler
	void on(VideoScheduledEvent event) {
		this.videoId = event.videoId();
		this.channelId = event.channelId();
		this.publishAt = event.publishAt();
		this.costCapMicros = event.costCapMicros();
		this.stage = VideoStage.SCHEDULED;
	}

	@EventSourcingHandler
	void on(ScriptReadyEvent event) {
		this.stage = VideoStage.SCRIPT_READY;
	}

	@EventSourcingHandler
	void on(VoiceOverReadyEvent event) {
		this.stage = VideoStage.VOICE_READY;
	}

	@EventSourcingHandler
	void on(ImagesReadyEvent event) {
		this.stage = VideoStage.IMAGES_READY;
	}

	@EventSourcingHandler
	void on(RenderStartedEvent event) {
		this.stage = VideoStage.RENDERING;
	}

	@EventSourcingHandler
	void on(VideoRenderedEvent event) {
		this.stage = VideoStage.RENDERED;
	}

	@EventSourcingHandler
	void on(VideoPublishedEvent event) {
		this.stage = VideoStage.PUBLISHED;
	}

	@EventSourcingHandler
	void on(VideoFailedEvent event) {
		this.stage = VideoStage.FAILED;
	}

	@EventSourcingHandler
	void on(VideoCancelledEvent event) {
		this.stage = VideoStage.CANCELLED;
	}

	@EventSourcingHandler
	void on(VideoHaltedEvent event) {
		this.stage = VideoStage.HALTED;
	}

	@EventSourcingHandler
	void on(ProductionStepStartedEvent event) {
		this.startedAttempts.put(event.step(), event.attempt());
	}

	@EventSourcingHandler
	void on(ProductionStepFailedEvent event) {
		this.failedAttempts.put(event.step(), event.attempt());
	}

	@EventSourcingHandler
	void on(CostRecordedEvent event) {
		this.costs.put(event.costId(),
				new RecordedCost(event.category(), event.amountMicros(), event.provider(), event.units()));
		this.totalCostMicros = event.totalCostMicros();
	}

}
