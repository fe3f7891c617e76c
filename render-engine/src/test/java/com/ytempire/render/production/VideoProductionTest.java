package com.ytempire.render.production;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.compositor.CpuCompositor;
import com.ytempire.render.content.Brief;
import com.ytempire.render.content.OfflineScriptWriter;
import com.ytempire.render.content.OutboxPublisher;
import com.ytempire.render.content.PlaceholderToneSynthesizer;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ImageGenerator;
import com.ytempire.render.content.ProceduralImageGenerator;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Script;
import com.ytempire.render.content.ScriptPlan;
import com.ytempire.render.content.ScriptScene;
import com.ytempire.render.content.ScriptWriter;
import com.ytempire.render.content.VoiceOver;
import com.ytempire.render.encode.MediaProbe;
import com.ytempire.render.encode.VideoFormat;
import com.ytempire.render.media.InsufficientDiskSpaceException;
import com.ytempire.render.media.MediaStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VideoProductionTest {

	private static final PriceTable PRICES = PriceTable.offline();

	/** Two short scenes: about three seconds of video, so the test stays quick. */
	private static final ScriptWriter SHORT_SCRIPT = (brief) -> new Priced<>(
			new Script(brief.topic() + " explained", "About " + brief.topic() + ".", List.of(brief.topic()),
					List.of(new ScriptScene(brief.topic(), "Meet " + brief.topic() + " today.",
							"Meet " + brief.topic()), new ScriptScene("Bye", "See you soon.", "Subscribe"))),
			PRICES.script(40));

	/** Three seconds and a bit of narration, held to four. */
	private static final Brief FOUR_SECONDS = new Brief("Volcanoes in 60 seconds", "Volcanoes", VideoStyle.CLASSIC, 4);

	@TempDir
	Path folder;

	private final CpuCompositor compositor = CpuCompositor.allCores();

	@AfterEach
	void close() {
		this.compositor.close();
	}

	@Test
	void producesAWatchableMp4InTheOutbox() throws Exception {
		MediaStore store = new MediaStore(this.folder.resolve("media"), 0);
		ProducedVideo video = production(store).produce("video-7", FOUR_SECONDS, VideoFormat.HD_720,
				Instant.parse("2030-01-01T12:00:00Z"));

		Path published = this.folder.resolve("outbox/video-7.mp4");
		MediaProbe probe = MediaProbe.of(published);
		assertThat(probe.videoCodec()).isEqualTo("h264");
		assertThat(probe.audioCodec()).isEqualTo("aac");
		assertThat(probe.width()).isEqualTo(1280);
		assertThat(probe.height()).isEqualTo(720);
		assertThat(probe.frameRate()).isCloseTo(30, within(0.01));
		assertThat(video.durationMillis()).isCloseTo(4000L, within(100L));
		assertThat(probe.durationSeconds()).isCloseTo(video.durationMillis() / 1000.0, within(0.1));
		assertThat(Files.readAllBytes(published)).isEqualTo(store.read(video.video()));
		assertThat(video.video().mediaType()).isEqualTo("video/mp4");
		assertThat(faststart(published)).as("moov box before mdat").isTrue();
		assertThat(this.folder.resolve("outbox/video-7.json")).as("the scheduled title, the script's description")
			.content()
			.contains("\"title\" : \"Volcanoes in 60 seconds\"", "\"description\" : \"About Volcanoes.\"")
			.doesNotContain("Volcanoes explained");

		assertThat(video.voice()).isEqualTo(PlaceholderToneSynthesizer.VOICE);
		assertThat(video.images()).hasSize(2);
		assertThat(video.costs()).extracting(ProviderCost::category)
			.containsExactly(CostCategory.SCRIPT, CostCategory.VOICE, CostCategory.IMAGES, CostCategory.IMAGES,
					CostCategory.RENDER, CostCategory.PUBLISH);
		assertThat(video.totalMicroDollars())
			.isEqualTo(video.costs().stream().mapToLong(ProviderCost::microDollars).sum())
			.isLessThan(500_000);
	}

	@Test
	void anImageThatIsNotAnImageFailsTheRenderClearly() {
		MediaStore store = new MediaStore(this.folder.resolve("media"), 0);
		MediaRef broken = store.put("not a png".getBytes(), "image/png");
		Script script = SHORT_SCRIPT.write(FOUR_SECONDS).value();
		var voice = new PlaceholderToneSynthesizer(PRICES).speak(script).value();
		assertThatIllegalArgumentException().isThrownBy(
				() -> production(store).render(script, voice, List.of(broken, broken), VideoFormat.HD_720, (cost) -> {
				}))
			.withMessageContaining("is not a readable image");
	}

	@Test
	void anEmptyScriptFailsClearly() {
		MediaStore store = new MediaStore(this.folder.resolve("media"), 0);
		ScriptWriter empty = (brief) -> new Priced<>(new Script(brief.topic(), "", List.of(), List.of()),
				PRICES.script(0));
		VideoProduction production = new VideoProduction(empty, new PlaceholderToneSynthesizer(PRICES),
				new ProceduralImageGenerator(PRICES), new OutboxPublisher(this.folder.resolve("outbox"), PRICES), store,
				this.compositor, PRICES);
		assertThatIllegalArgumentException().isThrownBy(
				() -> production.produce("v", new Brief("Cats", "Cats", null, 5), VideoFormat.HD_720, Instant.EPOCH))
			.withMessage("the script 'Cats' has no scenes");
	}

	@Test
	void aFullDiskStopsTheVideoBeforeRendering() {
		MediaStore full = new MediaStore(this.folder.resolve("media"), Long.MAX_VALUE / 4);
		assertThatThrownBy(() -> production(full).produce("v", FOUR_SECONDS, VideoFormat.HD_720, Instant.EPOCH))
			.isInstanceOf(InsufficientDiskSpaceException.class)
			.hasMessageContaining("not enough disk space in the media store");
		assertThat(this.folder.resolve("outbox")).doesNotExist();
	}

	@Test
	void storyboardFollowsTheVoice() {
		Script script = SHORT_SCRIPT.write(FOUR_SECONDS).value();
		var voice = new PlaceholderToneSynthesizer(PRICES).speak(script).value();
		var picture = com.ytempire.render.timeline.Picture.solid(4, 4, 0);
		var timeline = Storyboard.timeline(script, voice, List.of(picture, picture), VideoFormat.FULL_HD_1080);
		assertThat(timeline.durationMillis()).isEqualTo(voice.audio().durationMillis());
		assertThat(timeline.startMillis(1)).isEqualTo(voice.sceneMillis().get(0));
		assertThat(timeline.width()).isEqualTo(1920);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Storyboard.timeline(script, voice, List.of(picture), VideoFormat.HD_720))
			.withMessageContaining("there are 1 images");
	}

	/**
	 * The offline writer and voice at the shortest length the platform schedules and at
	 * one where the 5% tolerance applies: the MP4 runs the scheduled length.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 5, 25 })
	void theMp4RunsTheScheduledLength(int seconds) throws Exception {
		MediaStore store = new MediaStore(this.folder.resolve("media"), 0);
		VideoProduction production = production(new OfflineScriptWriter(PRICES), store);
		ProducedVideo video = production.produce("video-" + seconds,
				new Brief("Tides in " + seconds + " s", "Tides", VideoStyle.NEON, seconds), VideoFormat.HD_720,
				Instant.EPOCH);

		double probed = MediaProbe.of(this.folder.resolve("outbox/video-" + seconds + ".mp4")).durationSeconds();
		double tolerance = NarrationFit.toleranceMillis(seconds * 1000L) / 1000.0;
		assertThat(probed).as("seconds of a video scheduled for %d s", seconds).isCloseTo(seconds, within(tolerance));
		assertThat(this.folder.resolve("outbox/video-" + seconds + ".json")).content()
			.contains("\"title\" : \"Tides in " + seconds + " s\"", "\"neon\"");
		assertThat(video.images()).hasSize(ScriptPlan.of(new Brief("", "Tides", null, seconds)).scenes());
	}

	@Test
	void narrationThatRunsOverIsTrimmedAtSentenceEndsAndSpokenAgain() {
		String longScene = "One two three four. Five six seven eight. Nine ten eleven twelve. Thirteen fourteen.";
		Script script = new Script("Long", "", List.of(),
				List.of(new ScriptScene("A", longScene, ""), new ScriptScene("B", longScene, "")));
		VideoProduction production = production(new MediaStore(this.folder.resolve("media"), 0));

		List<ProviderCost> costs = new ArrayList<>();
		VoiceOver spoken = production.speak(script, Duration.ofSeconds(10), costs::add);

		long millis = spoken.sceneMillis().stream().mapToLong(Long::longValue).sum();
		assertThat(millis).isCloseTo(10_000L, within(NarrationFit.toleranceMillis(10_000)));
		assertThat(spoken.audio().durationMillis()).isCloseTo(millis, within(50L));
		assertThat(costs).as("spoken, then spoken again trimmed")
			.extracting(ProviderCost::category)
			.containsExactly(CostCategory.VOICE, CostCategory.VOICE);

		List<ProviderCost> unusable = new ArrayList<>();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> production.speak(script, Duration.ofSeconds(2), unusable::add))
			.withMessageContaining("the video is to run 2 s");
		assertThat(unusable).as("spoken whole, then cut to a sentence a scene: both paid, though unusable").hasSize(2);
	}

	@Test
	void narrationThatRunsShortIsHeldOnEachScene() {
		Script script = SHORT_SCRIPT.write(FOUR_SECONDS).value();
		List<ProviderCost> costs = new ArrayList<>();
		VoiceOver spoken = production(new MediaStore(this.folder.resolve("media"), 0)).speak(script,
				Duration.ofSeconds(9), costs::add);
		assertThat(spoken.sceneMillis()).as("3.2 s spoken, 5.8 s held, shared by the two scenes")
			.containsExactly(1600L + 2900L, 1600L + 2900L);
		assertThat(spoken.audio().durationMillis()).isEqualTo(9_000);
		assertThat(costs).hasSize(1);
	}

	@Test
	void everyPaidCallIsReportedAsItReturnsAlsoWhenALaterCallFails() {
		ImageGenerator failsOnTheSecond = new ImageGenerator() {

			private final ImageGenerator pictures = new ProceduralImageGenerator(PRICES);

			@Override
			public Priced<byte[]> generate(ScriptScene scene, VideoStyle style, int width, int height) {
				if (scene.title().equals("Bye")) {
					throw ProviderException.retryable("image service answered 503", null).spending(PRICES.image());
				}
				return this.pictures.generate(scene, style, width, height);
			}

		};
		VideoProduction production = new VideoProduction(SHORT_SCRIPT, new PlaceholderToneSynthesizer(PRICES),
				failsOnTheSecond, new OutboxPublisher(this.folder.resolve("outbox"), PRICES),
				new MediaStore(this.folder.resolve("media"), 0), this.compositor, PRICES);
		Script script = SHORT_SCRIPT.write(FOUR_SECONDS).value();
		List<ProviderCost> costs = new ArrayList<>();

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> production.drawImages(script, VideoStyle.MINIMAL, VideoFormat.HD_720, costs::add))
			.withMessage("image service answered 503");
		assertThat(costs).as("the first image, and the failed call the service billed")
			.containsExactly(PRICES.image(), PRICES.image());
	}

	private VideoProduction production(MediaStore store) {
		return production(SHORT_SCRIPT, store);
	}

	private VideoProduction production(ScriptWriter writer, MediaStore store) {
		return new VideoProduction(writer, new PlaceholderToneSynthesizer(PRICES), new ProceduralImageGenerator(PRICES),
				new OutboxPublisher(this.folder.resolve("outbox"), PRICES), store, this.compositor, PRICES);
	}

	private static boolean faststart(Path mp4) throws Exception {
		String head = new String(Files.readAllBytes(mp4), java.nio.charset.StandardCharsets.ISO_8859_1);
		return head.indexOf("moov") >= 0 && head.indexOf("moov") < head.indexOf("mdat");
	}

}
