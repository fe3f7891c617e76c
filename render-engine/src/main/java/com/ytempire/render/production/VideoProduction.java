package com.ytempire.render.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.ytempire.api.video.MediaRef;
import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.compositor.PreparedTimeline;
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
 * One video from topic to outbox, step by step: script, voice, images, render, publish.
 * Each step is also callable alone, which is how a saga drives them one command at a
 * time.
 */
public final class VideoProduction {

	/**
	 * Source images are larger than the frame so the Ken Burns zoom never magnifies
	 * pixels.
	 */
	private static final int IMAGE_OVERSIZE_PERCENT = 150;

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

	public ProducedVideo produce(String videoId, String title, String topic, VideoFormat format, Instant publishAt) {
		List<ProviderCost> costs = new ArrayList<>();
		Priced<Script> script = writeScript(title, topic);
		costs.add(script.cost());
		Priced<VoiceOver> voiceOver = speak(script.value());
		costs.add(voiceOver.cost());
		List<Priced<MediaRef>> images = drawImages(script.value(), format);
		images.forEach((image) -> costs.add(image.cost()));
		List<MediaRef> imageRefs = images.stream().map(Priced::value).toList();
		Priced<RenderedVideo> rendered = render(script.value(), voiceOver.value(), imageRefs, format);
		costs.add(rendered.cost());
		RenderedVideo video = rendered.value();
		Priced<Publication> publication = publish(videoId, script.value(), video.video(), publishAt);
		costs.add(publication.cost());
		return new ProducedVideo(video.video(), imageRefs, video.durationMillis(), video.width(), video.height(),
				voiceOver.value().voice(), costs, publication.value());
	}

	/** The writer's script for the topic, under the scheduled title. */
	public Priced<Script> writeScript(String title, String topic) {
		Priced<Script> written = this.scriptWriter.write(topic);
		return new Priced<>(written.value().titled(title), written.cost());
	}

	public Priced<VoiceOver> speak(Script script) {
		return this.voice.speak(script);
	}

	/** One picture per scene, stored; each priced on its own, as image services bill. */
	public List<Priced<MediaRef>> drawImages(Script script, VideoFormat format) {
		List<Priced<MediaRef>> images = new ArrayList<>();
		for (ScriptScene scene : script.scenes()) {
			Priced<byte[]> image = this.images.generate(scene, format.width() * IMAGE_OVERSIZE_PERCENT / 100,
					format.height() * IMAGE_OVERSIZE_PERCENT / 100);
			images.add(new Priced<>(this.store.put(image.value(), ImageBytes.mediaType(image.value())), image.cost()));
		}
		return images;
	}

	public Priced<Publication> publish(String videoId, Script script, MediaRef video, Instant publishAt) {
		return this.publisher.publish(this.store.pathOf(video),
				new VideoMetadata(videoId, script.title(), script.description(), script.tags(), publishAt));
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
