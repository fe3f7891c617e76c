package com.ytempire.render.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.tools.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ContentProvidersTest {

	private final PriceTable prices = PriceTable.offline();

	@TempDir
	Path folder;

	@Test
	void scriptHasScenesWithNarrationAndCaptions() {
		Priced<Script> script = new OfflineScriptWriter(this.prices)
			.write(new Brief("Volcanoes in 40 seconds", "Volcanoes", VideoStyle.NEON, 40));
		assertThat(script.value().title()).isEqualTo("Volcanoes explained");
		assertThat(script.value().tags()).contains("volcanoes", "neon");
		assertThat(script.value().scenes()).hasSize(5)
			.allSatisfy((scene) -> assertThat(scene.narration()).contains(" "))
			.allSatisfy((scene) -> assertThat(scene.caption()).isNotBlank());
		assertThat(script.cost().category()).isEqualTo(CostCategory.SCRIPT);
		assertThat(script.cost().microDollars()).isEqualTo((100L * script.value().characters() + 999) / 1000);
	}

	/**
	 * The narration fills most of a long video; a very short one gets short sentences
	 * that still fit.
	 */
	@ParameterizedTest
	@CsvSource({ "5, 0.2", "10, 0.4", "60, 0.7", "300, 0.75" })
	void offlineScriptsAreSizedToTheVideosLength(int seconds, double leastShareSpoken) {
		Brief brief = new Brief("T", "Volcanoes", VideoStyle.DEFAULT, seconds);
		ScriptPlan plan = ScriptPlan.of(brief);
		Script script = new OfflineScriptWriter(this.prices).write(brief).value();
		int words = script.scenes().stream().mapToInt((scene) -> ScriptScene.wordsIn(scene.narration())).sum();
		double spokenSeconds = words / ScriptPlan.WORDS_PER_SECOND;
		assertThat(script.scenes()).hasSize(plan.scenes());
		assertThat(spokenSeconds).as("spoken seconds of a %d s script", seconds)
			.isBetween(seconds * leastShareSpoken, seconds * 0.9);
		assertThat(script.scenes()).allSatisfy((scene) -> assertThat(scene.narration()).endsWith("."));
	}

	@Test
	void emptyTopicsAndScriptsAreRejectedClearly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OfflineScriptWriter(this.prices).write(new Brief("T", " ", VideoStyle.DEFAULT, 30)))
			.withMessage("cannot write a script without a topic");
		assertThatIllegalArgumentException().isThrownBy(() -> new Script("Title", "", List.of(), List.of()))
			.withMessage("the script 'Title' has no scenes");
		assertThatIllegalArgumentException().isThrownBy(() -> new ScriptScene("Intro", " ", "x"))
			.withMessage("scene 'Intro' has no narration");
	}

	@Test
	void placeholderToneIsTimedToTheWords() {
		Script script = new Script("T", "", List.of(),
				List.of(new ScriptScene("A", "one two three", ""), new ScriptScene("B", "four five", "")));
		Priced<VoiceOver> voice = new PlaceholderToneSynthesizer(this.prices).speak(script);
		assertThat(voice.value().voice()).isEqualTo("placeholder-tone");
		assertThat(voice.value().sceneMillis()).containsExactly(1600L, 1200L);
		assertThat(voice.value().audio().durationMillis()).isEqualTo(2800);
		assertThat(voice.cost().category()).isEqualTo(CostCategory.VOICE);
		assertThat(OfflineVoices.best(this.prices)).isNotNull();
	}

	@Test
	void espeakSpeaksWhenInstalled() {
		RequiredTool.assumeInstalled(EspeakVoiceSynthesizer.isInstalled(), "espeak-ng (Debian package espeak-ng)");
		Script script = new Script("T", "", List.of(), List.of(new ScriptScene("A", "Hello there", "")));
		VoiceOver voice = new EspeakVoiceSynthesizer(this.prices).speak(script).value();
		assertThat(voice.voice()).isEqualTo("espeak-ng");
		assertThat(voice.sceneMillis().get(0)).isBetween(500L, 5000L);
	}

	@Test
	void proceduralImagesArePngsOfTheRequestedSize() {
		Priced<byte[]> image = new ProceduralImageGenerator(this.prices)
			.generate(new ScriptScene("Where it started", "Words.", ""), VideoStyle.DEFAULT, 480, 270);
		Picture picture = Picture.decode(image.value(), "generated");
		assertThat(picture.width()).isEqualTo(480);
		assertThat(picture.height()).isEqualTo(270);
		assertThat(image.cost().microDollars()).isEqualTo(1_000);
	}

	/**
	 * Each style keeps its own light: minimal pale and calm, neon near-black with bright
	 * lines, classic a saturated mid-tone gradient, whatever the scene.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Where it started", "How it works", "Why it matters", "Thanks for watching" })
	void stylesLookClearlyDifferent(String sceneTitle) {
		ScriptScene scene = new ScriptScene(sceneTitle, "Words.", "");
		Light classic = light(scene, VideoStyle.CLASSIC);
		Light minimal = light(scene, VideoStyle.MINIMAL);
		Light neon = light(scene, VideoStyle.NEON);
		assertThat(minimal.luma()).as("minimal luma").isGreaterThan(200);
		assertThat(minimal.saturation()).as("minimal saturation").isLessThan(0.15);
		assertThat(neon.luma()).as("neon luma").isLessThan(40);
		assertThat(neon.brightShare()).as("neon bright lines").isGreaterThan(0.005);
		assertThat(classic.luma()).as("classic luma").isBetween(50.0, 180.0);
		assertThat(classic.saturation()).as("classic saturation").isGreaterThan(0.35);
	}

	private Light light(ScriptScene scene, VideoStyle style) {
		Picture picture = Picture
			.decode(new ProceduralImageGenerator(this.prices).generate(scene, style, 320, 180).value(), style.id());
		double luma = 0;
		double saturation = 0;
		int bright = 0;
		for (int argb : picture.pixels()) {
			int r = (argb >> 16) & 0xff;
			int g = (argb >> 8) & 0xff;
			int b = argb & 0xff;
			int max = Math.max(r, Math.max(g, b));
			int min = Math.min(r, Math.min(g, b));
			luma += 0.299 * r + 0.587 * g + 0.114 * b;
			saturation += (max == 0) ? 0 : (max - min) / (double) max;
			bright += (max > 200 && max - min > 150) ? 1 : 0;
		}
		int count = picture.pixels().length;
		return new Light(luma / count, saturation / count, bright / (double) count);
	}

	private record Light(double luma, double saturation, double brightShare) {
	}

	@Test
	void bytesThatAreNotAnImageFailClearly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Picture.decode("<html>rate limited</html>".getBytes(), "image of scene 2"))
			.withMessage("image of scene 2 is not a readable image (expected PNG or JPEG, 25 bytes)");
	}

	@Test
	void outboxGetsTheVideoAndItsYoutubeMetadata() throws Exception {
		Path video = Files.write(this.folder.resolve("rendered.mp4"), new byte[] { 0, 0, 0, 24 });
		Path outbox = this.folder.resolve("outbox");
		VideoMetadata metadata = new VideoMetadata("video-1", "Volcanoes explained", "About volcanoes.",
				List.of("volcanoes", "explainer"), Instant.parse("2030-01-02T03:04:05Z"));
		Priced<Publication> publication = new OutboxPublisher(outbox, this.prices).publish(video, metadata,
				PublishProgress.none());
		assertThat(publication.value().video()).hasBinaryContent(new byte[] { 0, 0, 0, 24 });
		assertThat(Files.readString(publication.value().metadata())).contains("\"title\" : \"Volcanoes explained\"")
			.contains("\"publishAt\" : \"2030-01-02T03:04:05Z\"")
			.contains("\"explainer\"");
		assertThat(publication.cost().category()).isEqualTo(CostCategory.PUBLISH);
		try (var files = Files.list(outbox)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("video-1.mp4",
					"video-1.json");
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboxPublisher(outbox, this.prices).publish(video,
					new VideoMetadata("../x", "T", "", List.of(), Instant.EPOCH), PublishProgress.none()))
			.withMessageContaining("not a safe file name");
	}

	@Test
	void pricesRoundUpAndRejectNegatives() {
		assertThat(this.prices.render(1)).extracting(ProviderCost::microDollars).isEqualTo(1L);
		assertThat(this.prices.render(60_000)).extracting(ProviderCost::microDollars).isEqualTo(4_000L);
		assertThatIllegalArgumentException().isThrownBy(() -> new PriceTable(-1, 0, 0, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ProviderCost(CostCategory.RENDER, -5, "refund"));
	}

}
