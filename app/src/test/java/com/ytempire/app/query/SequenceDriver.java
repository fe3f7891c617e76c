package com.ytempire.app.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.video.FailVideoCommand;
import com.ytempire.api.video.MarkImagesReadyCommand;
import com.ytempire.api.video.MarkPublishedCommand;
import com.ytempire.api.video.MarkRenderedCommand;
import com.ytempire.api.video.MarkScriptReadyCommand;
import com.ytempire.api.video.MarkVoiceOverReadyCommand;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.StartRenderCommand;
import com.ytempire.api.video.VideoStage;
import com.ytempire.app.Api;
import com.ytempire.app.query.CommandSequences.AdvanceVideo;
import com.ytempire.app.query.CommandSequences.ArchiveChannel;
import com.ytempire.app.query.CommandSequences.CancelVideo;
import com.ytempire.app.query.CommandSequences.CreateChannel;
import com.ytempire.app.query.CommandSequences.FailVideo;
import com.ytempire.app.query.CommandSequences.PauseChannel;
import com.ytempire.app.query.CommandSequences.RecordCost;
import com.ytempire.app.query.CommandSequences.RepeatCost;
import com.ytempire.app.query.CommandSequences.ResumeChannel;
import com.ytempire.app.query.CommandSequences.ScheduleVideo;
import com.ytempire.app.query.CommandSequences.SendStageCommand;
import com.ytempire.app.query.CommandSequences.Step;
import com.ytempire.app.query.ExpectedReadModels.Channel;
import com.ytempire.app.query.ExpectedReadModels.Cost;
import com.ytempire.app.query.ExpectedReadModels.Video;
import com.ytempire.command.CommandRejectedException;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a sequence of commands to the running application (HTTP where the API has the
 * command, the command gateway for the production stages the render engine sends) and
 * keeps the model in step with what was accepted. Whether a command is accepted is
 * predicted by the model and must match the application's answer.
 */
final class SequenceDriver {

	private static final MediaRef MEDIA = new MediaRef("cd".repeat(32), "application/octet-stream", 10);

	private final Api operator;

	private final CommandGateway gateway;

	private final String namePrefix;

	private final ExpectedReadModels model = new ExpectedReadModels();

	private int stepNumber;

	SequenceDriver(Api operator, CommandGateway gateway, String namePrefix) {
		this.operator = operator;
		this.gateway = gateway;
		this.namePrefix = namePrefix;
	}

	ExpectedReadModels run(List<Step> steps) {
		for (Step step : steps) {
			this.stepNumber++;
			apply(step);
		}
		return this.model;
	}

	private void apply(Step step) {
		if (step instanceof CreateChannel create) {
			createChannel(create);
		}
		else if (step instanceof PauseChannel pause) {
			changeStatus(pause.channel(), "pause", ExpectedReadModels::canPause, ChannelStatus.PAUSED,
					"ChannelPausedEvent");
		}
		else if (step instanceof ResumeChannel resume) {
			changeStatus(resume.channel(), "resume", ExpectedReadModels::canResume, ChannelStatus.ACTIVE,
					"ChannelResumedEvent");
		}
		else if (step instanceof ArchiveChannel archive) {
			changeStatus(archive.channel(), "archive", ExpectedReadModels::canArchive, ChannelStatus.ARCHIVED,
					"ChannelArchivedEvent");
		}
		else if (step instanceof ScheduleVideo schedule) {
			scheduleVideo(schedule);
		}
		else if (step instanceof AdvanceVideo advance) {
			for (int i = 0; i < advance.stages(); i++) {
				enterStage(this.model.video(advance.video()), null);
			}
		}
		else if (step instanceof SendStageCommand command) {
			enterStage(this.model.video(command.video()), command.target());
		}
		else if (step instanceof FailVideo fail) {
			failVideo(fail);
		}
		else if (step instanceof CancelVideo cancel) {
			cancelVideo(cancel);
		}
		else if (step instanceof RecordCost cost) {
			recordCost(cost);
		}
		else if (step instanceof RepeatCost repeat) {
			repeatCost(repeat);
		}
	}

	private void createChannel(CreateChannel create) {
		Channel taken = (create.sameNameAs() >= 0) ? this.model.channel(create.sameNameAs()) : null;
		String name = (taken != null) ? taken.name : this.namePrefix + " " + this.stepNumber;
		EntityExchangeResult<Map> answer = post("/api/v1/channels", Map.of("name", name, "niche", "tech",
				"dailyVideoQuota", create.dailyQuota(), "costCapPerVideo", BigDecimal.valueOf(create.capMicros(), 6)));
		if (accepted(answer, taken == null, "create channel " + name)) {
			this.model.created((String) answer.getResponseBody().get("id"), name, create.dailyQuota(),
					create.capMicros());
		}
	}

	private void changeStatus(int index, String action, java.util.function.Predicate<Channel> allowed,
			ChannelStatus next, String event) {
		Channel channel = this.model.channel(index);
		if (channel == null) {
			return;
		}
		EntityExchangeResult<Map> answer = post("/api/v1/channels/" + channel.id + "/" + action, null);
		if (accepted(answer, allowed.test(channel), action + " channel " + channel.id + " " + channel.status)) {
			ExpectedReadModels.changeStatus(channel, next, event);
		}
	}

	private void scheduleVideo(ScheduleVideo schedule) {
		Channel channel = this.model.channel(schedule.channel());
		if (channel == null) {
			return;
		}
		String publishAt = LocalDate.now(ZoneOffset.UTC)
			.plusDays(schedule.publishDay())
			.atTime(10, 0)
			.toInstant(ZoneOffset.UTC)
			.toString();
		EntityExchangeResult<Map> answer = post("/api/v1/videos", Map.of("channelId", channel.id, "title", "Step",
				"topic", "properties", "publishAt", publishAt, "targetLengthSeconds", 60));
		if (accepted(answer, ExpectedReadModels.canSchedule(channel, schedule.publishDay()),
				"schedule on " + channel.id + " " + channel.status + " day " + schedule.publishDay())) {
			this.model.scheduled((String) answer.getResponseBody().get("id"), channel, schedule.publishDay());
		}
	}

	/**
	 * @param target the stage to enter, or null for the one after the video's stage
	 */
	private void enterStage(Video video, VideoStage target) {
		if (video == null) {
			return;
		}
		VideoStage stage = (target != null) ? target : nextStage(video.stage);
		boolean done = send(stageCommand(video.id, stage), ExpectedReadModels.canEnter(video, stage),
				"move " + video.id + " from " + video.stage + " to " + stage);
		if (done) {
			video.enter(stage, eventEntering(stage), null);
		}
	}

	private void failVideo(FailVideo fail) {
		Video video = this.model.video(fail.video());
		if (video == null) {
			return;
		}
		String reason = "step " + this.stepNumber + " failed";
		if (send(new FailVideoCommand(video.id, reason), ExpectedReadModels.canFail(video),
				"fail " + video.id + " in " + video.stage)) {
			video.enter(VideoStage.FAILED, "VideoFailedEvent", reason);
		}
	}

	private void cancelVideo(CancelVideo cancel) {
		Video video = this.model.video(cancel.video());
		if (video == null) {
			return;
		}
		EntityExchangeResult<Map> answer = post("/api/v1/videos/" + video.id + "/cancel", null);
		if (accepted(answer, ExpectedReadModels.canCancel(video), "cancel " + video.id + " in " + video.stage)) {
			ExpectedReadModels.cancelled(video);
		}
	}

	private void recordCost(RecordCost step) {
		Video video = this.model.video(step.video());
		if (video == null) {
			return;
		}
		Cost cost = new Cost("cost-" + this.stepNumber, step.category(), step.micros());
		EntityExchangeResult<Map> answer = postCost(video, cost);
		if (accepted(answer, ExpectedReadModels.canRecordCost(video),
				"record " + cost + " on " + video.id + " in " + video.stage)) {
			assertThat(answer.getStatus().value()).as("a new cost is created").isEqualTo(201);
			ExpectedReadModels.costRecorded(video, cost);
		}
	}

	private void repeatCost(RepeatCost step) {
		Video video = this.model.video(step.video());
		if (video == null || video.costs.isEmpty()) {
			return;
		}
		Cost recorded = new ArrayList<>(video.costs.values()).get(step.cost() % video.costs.size());
		Cost again = step.sameValues() ? recorded
				: new Cost(recorded.costId(), recorded.category(), recorded.micros() + 1);
		EntityExchangeResult<Map> answer = postCost(video, again);
		if (accepted(answer, step.sameValues(), "record " + again + " again after " + recorded)) {
			assertThat(answer.getStatus().value()).as("a repeated cost changes nothing").isEqualTo(200);
		}
	}

	private EntityExchangeResult<Map> postCost(Video video, Cost cost) {
		return post("/api/v1/videos/" + video.id + "/costs", Map.of("costId", cost.costId(), "category",
				cost.category(), "amount", BigDecimal.valueOf(cost.micros(), 6), "provider", "test", "units", 1));
	}

	private EntityExchangeResult<Map> post(String path, Object body) {
		if (body == null) {
			return this.operator.client().post().uri(path).exchange().expectBody(Map.class).returnResult();
		}
		return this.operator.post(path, body).expectBody(Map.class).returnResult();
	}

	/**
	 * Whether the application accepted the command, after checking that the model
	 * predicted it and that a refusal was a refusal, not an error.
	 */
	private boolean accepted(EntityExchangeResult<Map> answer, boolean predicted, String what) {
		int status = answer.getStatus().value();
		assertThat(status).as("step %d: %s answered %s", this.stepNumber, what, answer.getResponseBody())
			.isIn(predicted ? List.of(200, 201, 202) : List.of(409));
		return status < 300;
	}

	private boolean send(Object command, boolean predicted, String what) {
		boolean accepted;
		try {
			this.gateway.sendAndWait(command);
			accepted = true;
		}
		catch (RuntimeException ex) {
			if (!refusedInConflict(ex)) {
				throw ex;
			}
			accepted = false;
		}
		assertThat(accepted).as("step %d: %s accepted", this.stepNumber, what).isEqualTo(predicted);
		return accepted;
	}

	private static boolean refusedInConflict(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CommandRejectedException rejected) {
				return rejected.reason() == CommandRejectedException.Reason.CONFLICT;
			}
		}
		return false;
	}

	private static Object stageCommand(String videoId, VideoStage target) {
		return switch (target) {
			case SCRIPT_READY -> new MarkScriptReadyCommand(videoId, MEDIA, 3);
			case VOICE_READY -> new MarkVoiceOverReadyCommand(videoId, MEDIA, 1000, List.of(1000L));
			case IMAGES_READY -> new MarkImagesReadyCommand(videoId, List.of(MEDIA));
			case RENDERING -> new StartRenderCommand(videoId, "cpu");
			case RENDERED -> new MarkRenderedCommand(videoId, MEDIA, 1000, 1280, 720);
			case PUBLISHED -> new MarkPublishedCommand(videoId, "yt-" + videoId.substring(0, 8));
			default -> throw new IllegalArgumentException("No command moves a video to " + target);
		};
	}

	private static VideoStage nextStage(VideoStage stage) {
		return (stage.ordinal() < VideoStage.PUBLISHED.ordinal()) ? VideoStage.values()[stage.ordinal() + 1]
				: VideoStage.SCRIPT_READY;
	}

	private static String eventEntering(VideoStage stage) {
		return switch (stage) {
			case SCRIPT_READY -> "ScriptReadyEvent";
			case VOICE_READY -> "VoiceOverReadyEvent";
			case IMAGES_READY -> "ImagesReadyEvent";
			case RENDERING -> "RenderStartedEvent";
			case RENDERED -> "VideoRenderedEvent";
			case PUBLISHED -> "VideoPublishedEvent";
			default -> throw new IllegalArgumentException(stage.name());
		};
	}

}
