package com.ytempire.render.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.compositor.PreparedTimeline;
import com.ytempire.render.content.Brief;
import com.ytempire.render.content.CostMeter;
import com.ytempire.render.content.ImageGenerator;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Publication;
import com.ytempire.render.content.PublishProgress;
import com.ytempire.render.content.Publisher;
import com.ytempire.render.content.Script;
import com.ytempire.render.content.ScriptScene;
import com.ytempire.render.content.ScriptWriter;
import com.ytempire.render.content.VideoMetadata;
import com.ytempire.render.content.VoiceOver;
import com.ytempire.render.content.VoiceSynthesizer;
import com.ytempire.render.encode.VideoFormat;
import com.ytempire.render.encode.VideoRenderer;
import com.ytempire.render.media.MediaStore;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.timeline.Timeline;

/**
 * One video from its brief to the outbox, step by step: script, voice, images, render,
 * publish. Each step is also callable alone, which is how a saga drives them one command
 * at a time.
 */
public final class VideoProduction {

	/**
	 * Source images are larger than the frame so the Ken Burns zoom never magnifies
	 * pixels.
	 */
	private static final int IMAGE_OVERSIZE_PERCENT = 150;

	/**
	 * Estimates of a sentence's time are close: a second trim is rare, a third would only
	 * pay the voice again.
	 */
	private static final int MAX_TRIMS = 2;

	private final ScriptWriter scriptWriter;

	private final VoiceSynthesizer voice;

	private final ImageGenerator images;

	private final Publisher publisher;

	private final MediaStore store;

	private final Compositor compositor;

	private final PriceTable prices;

	public VideoProduction(ScriptWriter scriptWriter, VoiceSynthesizer voice, ImageGenerator images,
			Publisher publisher, MediaStore store, Compositor compositor, PriceTable prices) {
		this.scriptWriter = scriptWriter;
		this.voice = voice;
		this.images = images;
		this.publisher = publisher;
		this.store = store;
		this.compositor = compositor;
		this.prices = prices;
	}

	public ProducedVideo produce(String videoId, Brief brief, VideoFormat format, Instant publishAt) {
		List<ProviderCost> costs = new ArrayList<>();
		CostMeter meter = costs::add;
		Script script = writeScript(brief, meter);
		VoiceOver voiceOver = speak(script, brief.targetLength(), meter);
		List<MediaRef> images = drawImages(script, brief.style(), format, meter);
		RenderedVideo video = render(script, voiceOver, images, format, meter);
		Publication publication = publish(videoId, script, video.video(), publishAt, PublishProgress.none(), meter);
		return new ProducedVideo(video.video(), images, video.durationMillis(), video.width(), video.height(),
				voiceOver.voice(), costs, publication);
	}

	/** The writer's script for the brief, under the scheduled title. */
	public Script writeScript(Brief brief, CostMeter meter) {
		return paid(() -> this.scriptWriter.write(brief), meter).titled(brief.title());
	}

	/** Who speaks the voice-overs, as their costs are recorded. */
	public String voiceName() {
		return this.voice.name();
	}

	/**
	 * The script spoken and fitted to the video's length: narration that runs over is
	 * trimmed at sentence ends and spoken again, narration that runs short is followed by
	 * holds. Every voicing is paid for.
	 * @throws IllegalArgumentException when even one sentence a scene runs over
	 */
	public VoiceOver speak(Script script, Duration targetLength, CostMeter meter) {
		long target = targetLength.toMillis();
		Script spokenScript = script;
		VoiceOver spoken = speakPaid(spokenScript, meter);
		for (int pass = 0; pass < MAX_TRIMS && spokenMillis(spoken) > target; pass++) {
			Script trimmed = NarrationFit.trimmed(spokenScript, spoken.sceneMillis(), target);
			if (trimmed.equals(spokenScript)) {
				break;
			}
			spokenScript = trimmed;
			spoken = speakPaid(spokenScript, meter);
		}
		long over = spokenMillis(spoken) - target;
		if (over > NarrationFit.toleranceMillis(target)) {
			throw new IllegalArgumentException("the narration takes " + spokenMillis(spoken) / 1000.0
					+ " s even trimmed at its sentence ends; the video is to run " + targetLength.toSeconds() + " s");
		}
		return NarrationFit.held(spoken, target);
	}

	/**
	 * One picture per scene in the video's style, stored; each priced as it is drawn, as
	 * image services bill.
	 */
	public List<MediaRef> drawImages(Script script, VideoStyle style, VideoFormat format, CostMeter meter) {
		List<MediaRef> images = new ArrayList<>();
		for (ScriptScene scene : script.scenes()) {
			byte[] image = paid(() -> this.images.generate(scene, style, format.width() * IMAGE_OVERSIZE_PERCENT / 100,
					format.height() * IMAGE_OVERSIZE_PERCENT / 100), meter);
			images.add(this.store.put(image, ImageBytes.mediaType(image)));
		}
		return images;
	}

	public Publication publish(String videoId, Script script, MediaRef video, Instant publishAt,
			PublishProgress progress, CostMeter meter) {
		return paid(() -> this.publisher.publish(this.store.pathOf(video),
				new VideoMetadata(videoId, script.title(), script.description(), script.tags(), publishAt), progress),
				meter);
	}

	private VoiceOver speakPaid(Script script, CostMeter meter) {
		return paid(() -> this.voice.speak(script), meter);
	}

	/**
	 * The call's result, its cost reported first; a failed call's cost is reported too
	 * when the provider charged for it.
	 */
	private static <T> T paid(Supplier<Priced<T>> call, CostMeter meter) {
		Priced<T> result;
		try {
			result = call.get();
		}
		catch (ProviderException ex) {
			ex.spent().ifPresent(meter::spent);
			throw ex;
		}
		meter.spent(result.cost());
		return result.value();
	}

	private static long spokenMillis(VoiceOver spoken) {
		return spoken.sceneMillis().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Renders the MP4 into the media store.
	 * @throws com.ytempire.render.media.InsufficientDiskSpaceException before any work
	 * when the store's disk cannot take the file
	 * @throws IllegalArgumentException when a stored image is not an image
	 */
	public RenderedVideo render(Script script, VoiceOver voiceOver, List<MediaRef> imageRefs, VideoFormat format,
			CostMeter meter) {
		List<Picture> pictures = imageRefs.stream()
			.map((ref) -> Picture.decode(this.store.read(ref), "image " + ref.contentHash()))
			.toList();
		Timeline timeline = Storyboard.timeline(script, voiceOver, pictures, format);
		this.store.requireSpace(format.estimatedBytes(timeline.durationMillis()));
		try {
			Path work = this.store.newWorkFile(".mp4");
			try {
				new VideoRenderer(this.compositor).render(PreparedTimeline.of(timeline), voiceOver.audio(), work);
				meter.spent(this.prices.render(timeline.durationMillis()));
				MediaRef video = this.store.importFile(work, "video/mp4");
				return new RenderedVideo(video, timeline.durationMillis(), format.width(), format.height());
			}
			finally {
				Files.deleteIfExists(work);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not render into the media store", ex);
		}
	}

}
