package com.ytempire.render.work;

import java.time.Duration;
import java.util.List;

import com.ytempire.api.video.MarkImagesReadyCommand;
import com.ytempire.api.video.MarkPublishedCommand;
import com.ytempire.api.video.MarkRenderedCommand;
import com.ytempire.api.video.MarkScriptReadyCommand;
import com.ytempire.api.video.MarkVoiceOverReadyCommand;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.RecordCostCommand;
import com.ytempire.api.video.RecordStepFailureCommand;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Publication;
import com.ytempire.render.content.Script;
import com.ytempire.render.content.VoiceOver;
import com.ytempire.render.encode.VideoFormat;
import com.ytempire.render.encode.WaveFile;
import com.ytempire.render.media.InsufficientDiskSpaceException;
import com.ytempire.render.media.MediaStore;
import com.ytempire.render.production.RenderedVideo;
import com.ytempire.render.production.SpokenScript;
import com.ytempire.render.production.VideoProduction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt at one step and reports how it went, as commands on the video: its
 * costs and result, or a failure that says whether another attempt can help.
 */
public class StepRunner {

	private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

	/** Long enough for any provider's message, short enough for an event. */
	private static final int MAX_REASON = 500;

	private final VideoProduction production;

	private final MediaStore store;

	private final StoredScripts scripts;

	private final CommandGateway commands;

	private final VideoFormat format;

	private final ProviderNames providers;

	public StepRunner(VideoProduction production, MediaStore store, CommandGateway commands, VideoFormat format,
			ProviderNames providers) {
		this.production = production;
		this.store = store;
		this.scripts = new StoredScripts(store);
		this.commands = commands;
		this.format = format;
		this.providers = providers;
	}

	/**
	 * @return whether the step's result was recorded
	 */
	public boolean run(StepRequest request) {
		StepOutcome outcome;
		try {
			outcome = perform(request);
		}
		catch (ProviderException ex) {
			return fail(request, ex.getMessage(), ex.isRetryable(), ex.retryAfter().orElse(Duration.ZERO));
		}
		catch (InsufficientDiskSpaceException ex) {
			// Space can come back (old media pruned, a volume grown); the attempts limit
			// ends it.
			return fail(request, ex.getMessage(), true, Duration.ZERO);
		}
		catch (IllegalArgumentException ex) {
			return fail(request, ex.getMessage(), false, Duration.ZERO);
		}
		catch (RuntimeException ex) {
			log.warn("{} failed unexpectedly", request, ex);
			return fail(request, ex.getClass().getSimpleName() + ": " + ex.getMessage(), true, Duration.ZERO);
		}
		try {
			List<ProviderCost> costs = outcome.costs();
			for (int i = 0; i < costs.size(); i++) {
				ProviderCost cost = costs.get(i);
				this.commands.sendAndWait(new RecordCostCommand(request.videoId(), request.costId(i), cost.category(),
						cost.microDollars(), outcome.provider(), 1));
			}
			this.commands.sendAndWait(outcome.completion());
			return true;
		}
		catch (RuntimeException ex) {
			// Most often the video moved on meanwhile (cancelled, halted by this very
			// cost);
			// otherwise the step's time limit brings another attempt.
			log.info("The result of {} was not recorded: {}", request, ex.getMessage());
			return false;
		}
	}

	private StepOutcome perform(StepRequest request) {
		return switch (request.step()) {
			case SCRIPT -> writeScript(request);
			case VOICE -> speak(request);
			case IMAGES -> drawImages(request);
			case RENDER -> render(request);
			case PUBLISH -> publish(request);
		};
	}

	private StepOutcome writeScript(StepRequest request) {
		Priced<Script> script = this.production.writeScript(request.brief());
		MediaRef stored = this.scripts.put(script.value());
		return new StepOutcome(List.of(script.cost()), this.providers.script(),
				new MarkScriptReadyCommand(request.videoId(), stored, script.value().scenes().size()));
	}

	private StepOutcome speak(StepRequest request) {
		SpokenScript spoken = this.production.speak(this.scripts.read(request.script()),
				request.brief().targetLength());
		VoiceOver voice = spoken.voiceOver();
		MediaRef stored = this.store.put(WaveFile.encode(voice.audio()), "audio/wav");
		return new StepOutcome(spoken.costs(), voice.voice(), new MarkVoiceOverReadyCommand(request.videoId(), stored,
				voice.audio().durationMillis(), voice.sceneMillis()));
	}

	private StepOutcome drawImages(StepRequest request) {
		List<Priced<MediaRef>> images = this.production.drawImages(this.scripts.read(request.script()),
				request.brief().style(), this.format);
		return new StepOutcome(images.stream().map(Priced::cost).toList(), this.providers.images(),
				new MarkImagesReadyCommand(request.videoId(), images.stream().map(Priced::value).toList()));
	}

	private StepOutcome render(StepRequest request) {
		Script script = this.scripts.read(request.script());
		VoiceOver voice = new VoiceOver(WaveFile.decode(this.store.read(request.voice())), request.sceneMillis(),
				"stored");
		Priced<RenderedVideo> rendered = this.production.render(script, voice, request.images(), this.format);
		RenderedVideo video = rendered.value();
		return new StepOutcome(List.of(rendered.cost()), this.providers.render(), new MarkRenderedCommand(
				request.videoId(), video.video(), video.durationMillis(), video.width(), video.height()));
	}

	private StepOutcome publish(StepRequest request) {
		Script script = this.scripts.read(request.script());
		Priced<Publication> publication = this.production.publish(request.videoId(), script, request.video(),
				request.publishAt());
		return new StepOutcome(List.of(publication.cost()), this.providers.publish(),
				new MarkPublishedCommand(request.videoId(), publication.value().externalId()));
	}

	private boolean fail(StepRequest request, String reason, boolean retryable, Duration retryAfter) {
		String why = (reason == null || reason.isBlank()) ? "no reason given" : reason;
		if (why.length() > MAX_REASON) {
			why = why.substring(0, MAX_REASON - 1) + "…";
		}
		log.info("{} failed ({}): {}", request, retryable ? "will retry" : "final", why);
		try {
			this.commands.sendAndWait(new RecordStepFailureCommand(request.videoId(), request.step(), request.attempt(),
					why, retryable, retryAfter.toMillis()));
		}
		catch (RuntimeException ex) {
			log.info("The failure of {} was not recorded: {}", request, ex.getMessage());
		}
		return false;
	}

}
