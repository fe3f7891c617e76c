package com.ytempire.render.providers;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.ScriptScene;
import com.ytempire.render.providers.FakeServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StableDiffusionImageGeneratorTest {

	private static final String PATH = "/sdapi/v1/txt2img";

	private static final String AUTH = "render:s3cret-pass";

	private static final ScriptScene SCENE = new ScriptScene("Magma", "Deep below, rock melts.", "Rock melts");

	private FakeServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = FakeServer.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void returnsTheGeneratedPictureAsSent() throws IOException {
		byte[] png = png(64, 36);
		this.server.on(PATH, (request) -> Reply.json(200, "{\"images\": [\"" + Base64.getEncoder().encodeToString(png)
				+ "\"], \"parameters\": {}, \"info\": \"{}\"}"));

		Priced<byte[]> image = generator(Duration.ofSeconds(5)).generate(SCENE, VideoStyle.MINIMAL, 1408, 792);

		assertThat(image.value()).isEqualTo(png);
		assertThat(ImageIO.read(new ByteArrayInputStream(image.value())).getWidth()).isEqualTo(64);
		assertThat(image.cost().category()).isEqualTo(CostCategory.IMAGES);
		assertThat(image.cost().microDollars()).isEqualTo(2_000);
		assertThat(image.cost().detail()).isEqualTo("1 image 1408x792, 25 steps");

		FakeServer.Request request = this.server.onlyRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Authorization"))
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString(AUTH.getBytes(StandardCharsets.UTF_8)));
		JsonNode body = request.json();
		assertThat(body.path("prompt").asText()).isEqualTo(
				"Magma. Deep below, rock melts., minimalist flat illustration, pale background, thin clean lines, "
						+ StableDiffusionSettings.DEFAULT_STYLE_PROMPT);
		assertThat(body.path("negative_prompt").asText()).isEqualTo(StableDiffusionSettings.DEFAULT_NEGATIVE_PROMPT);
		assertThat(body.path("width").asInt()).isEqualTo(1408);
		assertThat(body.path("height").asInt()).isEqualTo(792);
		assertThat(body.path("steps").asInt()).isEqualTo(25);
	}

	@Test
	void bytesThatAreNotAnImageArePermanent() {
		String notAnImage = Base64.getEncoder().encodeToString("definitely not a PNG".getBytes());
		this.server.on(PATH, (request) -> Reply.json(200, "{\"images\": [\"" + notAnImage + "\"]}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> generator(Duration.ofSeconds(5)).generate(SCENE, VideoStyle.DEFAULT, 64, 64))
			.withMessage("Stable Diffusion answered 20 bytes for scene 'Magma' that are not an image")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void answerWithoutImagesIsPermanent() {
		this.server.on(PATH, (request) -> Reply.json(200, "{\"images\": []}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> generator(Duration.ofSeconds(5)).generate(SCENE, VideoStyle.DEFAULT, 64, 64))
			.withMessage("Stable Diffusion answered no image for scene 'Magma'")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void malformedJsonIsPermanent() {
		this.server.on(PATH, (request) -> Reply.json(200, "{\"images\": [\"iVBOR"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> generator(Duration.ofSeconds(5)).generate(SCENE, VideoStyle.DEFAULT, 64, 64))
			.withMessageStartingWith("Stable Diffusion answered malformed JSON")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void serverErrorIsRetryable() {
		this.server.on(PATH, (request) -> Reply.json(500,
				"{\"error\": \"OutOfMemoryError\", \"detail\": \"\", \"body\": \"\", \"errors\": \"CUDA out of memory\"}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> generator(Duration.ofSeconds(5)).generate(SCENE, VideoStyle.DEFAULT, 64, 64))
			.withMessage("Stable Diffusion answered 500: OutOfMemoryError (CUDA out of memory)")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void rateLimitCarriesTheWaitTheServerAskedFor() {
		this.server.on(PATH, (request) -> new Reply(429, Map.of("Retry-After", "3"), new byte[0]));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> generator(Duration.ofSeconds(5)).generate(SCENE, VideoStyle.DEFAULT, 64, 64))
			.withMessage("Stable Diffusion answered 429")
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(3)));
	}

	@Test
	void refusedCredentialsArePermanentAndNeverShown() {
		this.server.on(PATH, (request) -> Reply.json(401, "{\"detail\": \"Incorrect username or password: "
				+ new String(Base64.getDecoder().decode(request.header("Authorization").substring(6))) + "\"}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> generator(Duration.ofSeconds(5)).generate(SCENE, VideoStyle.DEFAULT, 64, 64))
			.withMessage("Stable Diffusion answered 401: Incorrect username or password: [redacted]")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void silentServerTimesOutAsRetryable() {
		this.server.silentOn(PATH);

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> generator(Duration.ofMillis(300)).generate(SCENE, VideoStyle.DEFAULT, 64, 64))
			.withMessage("Stable Diffusion did not answer within 300 ms")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	private StableDiffusionImageGenerator generator(Duration timeout) {
		return new StableDiffusionImageGenerator(
				new StableDiffusionSettings(this.server.baseUrl(), AUTH, StableDiffusionSettings.DEFAULT_STEPS,
						StableDiffusionSettings.DEFAULT_STYLE_PROMPT, StableDiffusionSettings.DEFAULT_NEGATIVE_PROMPT,
						timeout, StableDiffusionSettings.DEFAULT_PRICE_PER_IMAGE));
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, 0xFF8800);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
