package com.ytempire.render.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.ytempire.api.video.FailVideoCommand;
import com.ytempire.api.video.ImagesReadyEvent;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.ProductionStep;
import com.ytempire.api.video.ProductionStepFailedEvent;
import com.ytempire.api.video.RecordStepFailureCommand;
import com.ytempire.api.video.ScriptReadyEvent;
import com.ytempire.api.video.StartProductionStepCommand;
import com.ytempire.api.video.StartRenderCommand;
import com.ytempire.api.video.VideoCancelledEvent;
import com.ytempire.api.video.VideoFailedEvent;
import com.ytempire.api.video.VideoHaltedEvent;
import com.ytempire.api.video.VideoPublishedEvent;
import com.ytempire.api.video.VideoRenderedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.api.video.VoiceOverReadyEvent;
import com.ytempire.render.work.WorkQueue;
import com.ytempire.render.work.StepRequest;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Drives one video from its schedule to its publication: script, voice, images, render,
 * publish. Each step is an attempt the video records, work a worker picks up, and a
 * result that comes back as the video's next event. An attempt that fails or outlives its
 * time limit is tried again after a growing wait, up to a limit; then the video fails
 * with the reason. The saga's state and its deadlines live in PostgreSQL, so a restart
 * continues where production was.
 */
public class ProductionSaga {

	static final String TIME_LIMIT = "production-step-time-limit";

	static final String RETRY = "production-step-retry";

	private static final String VIDEO_ID = "videoId";

	@Inject
	private transient CommandGateway commands;

	@Inject
	private transient DeadlineManager deadlines;

	@Inject
	private transient WorkQueue queue;

	@Inject
	private transient ProductionPolicy policy;

	private String videoId;

	private String title;

	private String topic;

	private String style;

	private int targetLengthSeconds;

	private Instant publishAt;

	private ProductionStep step;

	private int attempt;

	private String timeLimitId;

	private MediaRef script;

	private MediaRef voice;

	private List<Long> sceneMillis;

	private List<MediaRef> images;

	private MediaRef video;

	@StartSaga
	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(VideoScheduledEvent event) {
		this.videoId = event.videoId();
		this.title = event.title();
		this.topic = event.topic();
		this.style = event.style();
		this.targetLengthSeconds = event.targetLengthSeconds();
		this.publishAt = event.publishAt();
		begin(ProductionStep.SCRIPT);
	}

	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(ScriptReadyEvent event) {
		this.script = event.script();
		begin(ProductionStep.VOICE);
	}

	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(VoiceOverReadyEvent event) {
		this.voice = event.audio();
		this.sceneMillis = event.sceneMillis();
		begin(ProductionStep.IMAGES);
	}

	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(ImagesReadyEvent event) {
		this.images = event.images();
		this.commands.send(new StartRenderCommand(this.videoId, this.policy.renderPath()));
		begin(ProductionStep.RENDER);
	}

	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(VideoRenderedEvent event) {
		this.video = event.video();
		begin(ProductionStep.PUBLISH);
	}

	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(ProductionStepFailedEvent event) {
		if (!isCurrent(event.step(), event.attempt())) {
			return;
		}
		cancelTimeLimit();
		if (!event.retryable() || this.attempt >= this.policy.maxAttempts()) {
			String why = event.retryable() ? " after " + this.attempt + " attempts" : "";
			this.commands.send(new FailVideoCommand(this.videoId,
					"the " + describe(this.step) + " step failed" + why + ": " + event.reason()));
			return;
		}
		Duration wait = this.policy.retryDelay(this.attempt, Duration.ofMillis(event.retryAfterMillis()));
		this.deadlines.schedule(wait, RETRY, new StepDeadline(this.step, this.attempt));
	}

	@DeadlineHandler(deadlineName = RETRY)
	void retry(StepDeadline deadline) {
		if (isCurrent(deadline.step(), deadline.attempt())) {
			start(this.attempt + 1);
		}
	}

	@DeadlineHandler(deadlineName = TIME_LIMIT)
	void timedOut(StepDeadline deadline) {
		if (!isCurrent(deadline.step(), deadline.attempt())) {
			return;
		}
		this.timeLimitId = null;
		this.queue.abandon(this.videoId, this.step, this.attempt);
		this.commands.send(new RecordStepFailureCommand(this.videoId, this.step, this.attempt,
				"no result within " + this.policy.timeout(this.step).toSeconds() + " s", true, 0));
	}

	@EndSaga
	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(VideoPublishedEvent event) {
		stop();
	}

	@EndSaga
	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(VideoFailedEvent event) {
		stop();
	}

	@EndSaga
	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(VideoCancelledEvent event) {
		stop();
	}

	@EndSaga
	@SagaEventHandler(associationProperty = VIDEO_ID)
	void on(VideoHaltedEvent event) {
		stop();
	}

	private void begin(ProductionStep next) {
		cancelTimeLimit();
		// A late result of an attempt that outlived its time limit can finish a step
		// while
		// its next attempt still waits; that attempt would only redo finished work.
		this.queue.withdraw(this.videoId);
		this.step = next;
		start(1);
	}

	private void start(int nextAttempt) {
		this.attempt = nextAttempt;
		this.commands.send(new StartProductionStepCommand(this.videoId, this.step, this.attempt));
		this.queue.enqueue(new StepRequest(this.videoId, this.step, this.attempt, this.title, this.topic, this.style,
				this.targetLengthSeconds, this.publishAt, this.script, this.voice, this.sceneMillis, this.images,
				this.video));
		this.timeLimitId = this.deadlines.schedule(this.policy.timeout(this.step), TIME_LIMIT,
				new StepDeadline(this.step, this.attempt));
	}

	private boolean isCurrent(ProductionStep failedStep, int failedAttempt) {
		return failedStep == this.step && failedAttempt == this.attempt;
	}

	private void cancelTimeLimit() {
		if (this.timeLimitId != null) {
			this.deadlines.cancelSchedule(TIME_LIMIT, this.timeLimitId);
			this.timeLimitId = null;
		}
	}

	private void stop() {
		this.deadlines.cancelAllWithinScope(TIME_LIMIT);
		this.deadlines.cancelAllWithinScope(RETRY);
		this.queue.withdraw(this.videoId);
	}

	private static String describe(ProductionStep step) {
		return step.name().toLowerCase();
	}

}
