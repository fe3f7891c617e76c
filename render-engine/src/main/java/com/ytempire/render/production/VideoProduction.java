package com.ytempire.render.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.compositor.PreparedTimeline;
import com.ytempire.render.content.Brief;
import com.ytempire.render.content.ImageGenerator;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.Publication;
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
		Priced<Script> script = writeScript(brief);
		costs.add(script.cost());
		SpokenScript spoken = speak(script.value(), brief.targetLength());
		costs.addAll(spoken.costs());
		List<Priced<MediaRef>> images = drawImages(script.value(), brief.style(), format);
		images.forEach((image) -> costs.add(image.cost()));
		List<MediaRef> imageRefs = images.stream().map(Priced::value).toList();
		Priced<RenderedVideo> rendered = render(script.value(), spoken.voiceOver(), imageRefs, format);
		costs.add(rendered.cost());
		RenderedVideo video = rendered.value();
		Priced<Publication> publication = publish(videoId, script.value(), video.video(), publishAt);
		costs.add(publication.cost());
		return new ProducedVideo(video.video(), imageRefs, video.durationMillis(), video.width(), video.height(),
				spoken.voiceOver().voice(), costs, publication.value());
	}

	/** The writer's script for the brief, under the scheduled title. */
	public Priced<Script> writeScript(Brief brief) {
		Priced<Script> written = this.scriptWriter.write(brief);
		return new Priced<>(written.value().titled(brief.title()), written.cost());
	}

	/**
	 * The script spoken and fitted to the video's length: narration that runs over is
	 * trimmed at sentence ends and spoken again, narration that runs short is followed by
	 * holds.
	 * @throws IllegalArgumentException when even one sentence a scene runs over
	 */
	public SpokenScript speak(Script script, Duration targetLength) {
		long target = targetLength.toMillis();
		List<ProviderCost> costs = new ArrayList<>();
		Script spokenScript = script;
		Priced<VoiceOver> spoken = this.voice.speak(spokenScript);
		costs.add(spoken.cost());
		for (int pass = 0; pass < MAX_TRIMS && spokenMillis(spoken) > target; pass++) {
			Script trimmed = NarrationFit.trimmed(spokenScript, spoken.value().sceneMillis(), target);
			if (trimmed.equals(spokenScript)) {
				break;
			}
			spokenScript = trimmed;
			spoken = this.voice.speak(spokenScript);
			costs.add(spoken.cost());
		}
		long over = spokenMillis(spoken) - target;
		if (over > NarrationFit.toleranceMillis(target)) {
			throw new IllegalArgumentException("the narration takes " + spokenMillis(spoken) / 1000.0
					+ " s even trimmed at its sentence ends; the video is to run " + targetLength.toSeconds() + " s");
		}
		return new SpokenScript(NarrationFit.held(spoken.value(), target), costs);
	}

	/**
	 * One picture per scene in the video's style, stored; each priced on its own, as
	 * image services bill.
	 */
	public List<Priced<MediaRef>> drawImages(Script script, VideoStyle style, VideoFormat format) {
		List<Priced<MediaRef>> images = new ArrayList<>();
		for (ScriptScene scene : script.scenes()) {
			Priced<byte[]> image = this.images.generate(scene, style, format.width() * IMAGE_OVERSIZE_PERCENT / 100,
					format.height() * IMAGE_OVERSIZE_PERCENT / 100);
			images.add(new Priced<>(this.store.put(image.value(), ImageBytes.mediaType(image.value())), image.cost()));
		}
		return images;
	}

	public Priced<Publication> publish(String videoId, Script script, MediaRef video, Instant publishAt) {
		return this.publisher.publish(this.store.pathOf(video),
				new VideoMetadata(videoId, script.title(), script.description(), script.tags(), publishAt));
	}

	private static long spokenMillis(Priced<VoiceOver> spoken) {
		return spoken.value().sceneMillis().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Renders the MP4 into the media store.
	 * @throws com.ytempire.render.media.InsufficientDiskSpaceException before any work
	 * when the store's disk cannot take the file
	 * @throws IllegalArgumentException when a stored image is not an image
	 */
	public Priced<RenderedVideo> render(Script script, VoiceOver voiceOver, List<MediaRef> imageRefs,
			VideoFormat format) {
		List<Picture> pictures = imageRefs.stream()
			.map((ref) -> Picture.decode(this.store.read(ref), "image " + ref.contentHash()))
			.toList();
		Timeline timeline = Storyboard.timeline(script, voiceOver, pictures, format);
		this.store.requireSpace(format.estimatedBytes(timeline.durationMillis()));
		try {
			Path work = this.store.newWorkFile(".mp4");
			try {
				new VideoRenderer(this.compositor).render(PreparedTimeline.of(timeline), voiceOver.audio(), work);
				MediaRef video = this.store.importFile(work, "video/mp4");
				return new Priced<>(
						new RenderedVideo(video, timeline.durationMillis(), format.width(), format.height()),
						this.prices.render(timeline.durationMillis()));
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
