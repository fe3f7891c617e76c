package com.ytempire.render.work;

import java.time.Duration;
import java.util.List;

import com.ytempire.api.video.MarkImagesReadyCommand;
import com.ytempire.api.video.MarkPublishedCommand;
import com.ytempire.api.video.MarkRenderedCommand;
import com.ytempire.api.video.MarkScriptReadyCommand;
import com.ytempire.api.video.MarkVoiceOverReadyCommand;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.ProductionStep;
import com.ytempire.api.video.RecordCostCommand;
import com.ytempire.api.video.RecordStepFailureCommand;
import com.ytempire.render.content.CostMeter;
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

	private final ProductionUploads uploads;

	public StepRunner(VideoProduction production, MediaStore store, CommandGateway commands, VideoFormat format,
			ProviderNames providers, ProductionUploads uploads) {
		this.production = production;
		this.store = store;
		this.scripts = new StoredScripts(store);
		this.commands = commands;
		this.format = format;
		this.providers = providers;
		this.uploads = uploads;
	}

	/**
	 * @return whether the step's result was recorded
	 */
	public boolean run(StepRequest request) {
		Object completion;
		try {
			completion = perform(request, new RecordingMeter(request, provider(request.step())));
		}
		catch (CostNotRecordedException ex) {
			// Most often the video moved on meanwhile (cancelled); otherwise the step's
			// time limit brings another attempt.
			log.info("{} stopped: {}", request, ex.getMessage());
			return false;
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
			this.commands.sendAndWait(completion);
			return true;
		}
		catch (RuntimeException ex) {
			// Most often the video moved on meanwhile (cancelled, halted by one of this
			// step's costs); otherwise the step's time limit brings another attempt.
			log.info("The result of {} was not recorded: {}", request, ex.getMessage());
			return false;
		}
	}

	private Object perform(StepRequest request, CostMeter meter) {
		return switch (request.step()) {
			case SCRIPT -> writeScript(request, meter);
			case VOICE -> speak(request, meter);
			case IMAGES -> drawImages(request, meter);
			case RENDER -> render(request, meter);
			case PUBLISH -> publish(request, meter);
		};
	}

	private String provider(ProductionStep step) {
		return switch (step) {
			case SCRIPT -> this.providers.script();
			case VOICE -> this.production.voiceName();
			case IMAGES -> this.providers.images();
			case RENDER -> this.providers.render();
			case PUBLISH -> this.providers.publish();
		};
	}

	private Object writeScript(StepRequest request, CostMeter meter) {
		Script script = this.production.writeScript(request.brief(), meter);
		MediaRef stored = this.scripts.put(script);
		return new MarkScriptReadyCommand(request.videoId(), stored, script.scenes().size());
	}

	private Object speak(StepRequest request, CostMeter meter) {
		VoiceOver voice = this.production.speak(this.scripts.read(request.script()), request.brief().targetLength(),
				meter);
		MediaRef stored = this.store.put(WaveFile.encode(voice.audio()), "audio/wav");
		return new MarkVoiceOverReadyCommand(request.videoId(), stored, voice.audio().durationMillis(),
				voice.sceneMillis());
	}

	private Object drawImages(StepRequest request, CostMeter meter) {
		List<MediaRef> images = this.production.drawImages(this.scripts.read(request.script()), request.brief().style(),
				this.format, meter);
		return new MarkImagesReadyCommand(request.videoId(), images);
	}

	private Object render(StepRequest request, CostMeter meter) {
		Script script = this.scripts.read(request.script());
		VoiceOver voice = new VoiceOver(WaveFile.decode(this.store.read(request.voice())), request.sceneMillis(),
				"stored");
		RenderedVideo video = this.production.render(script, voice, request.images(), this.format, meter);
		return new MarkRenderedCommand(request.videoId(), video.video(), video.durationMillis(), video.width(),
				video.height());
	}

	private Object publish(StepRequest request, CostMeter meter) {
		Script script = this.scripts.read(request.script());
		Publication publication = this.production.publish(request.videoId(), script, request.video(),
				request.publishAt(), this.uploads.of(request.videoId()), meter);
		return new MarkPublishedCommand(request.videoId(), publication.externalId());
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

	/**
	 * Records each paid call on the video the moment it returns, under an id by step,
	 * attempt and call: a repeated report of one call is harmless, and the cost cap sees
	 * what failed attempts spent too.
	 */
	private final class RecordingMeter implements CostMeter {

		private final StepRequest request;

		private final String provider;

		private int calls;

		RecordingMeter(StepRequest request, String provider) {
			this.request = request;
			this.provider = provider;
		}

		@Override
		public void spent(ProviderCost cost) {
			String costId = this.request.costId(this.calls++);
			try {
				StepRunner.this.commands.sendAndWait(new RecordCostCommand(this.request.videoId(), costId,
						cost.category(), cost.microDollars(), this.provider, 1));
			}
			catch (RuntimeException ex) {
				throw new CostNotRecordedException(costId, ex);
			}
		}

	}

	/** A cost the video refused: no further call of the step should be paid for. */
	private static final class CostNotRecordedException extends RuntimeException {

		CostNotRecordedException(String costId, RuntimeException cause) {
			super("cost " + costId + " was not recorded: " + cause.getMessage(), cause);
		}

	}

}
