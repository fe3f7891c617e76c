package com.ytempire.render.providers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.content.ImageGenerator;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.ScriptScene;

/**
 * Pictures from a Stable Diffusion web UI's {@code txt2img} API. The answer is decoded
 * before it is accepted, so a broken picture fails here, named, and not in the renderer.
 */
public final class StableDiffusionImageGenerator implements ImageGenerator {

	private static final String PROVIDER = "Stable Diffusion";

	private final StableDiffusionSettings settings;

	private final ProviderHttp http;

	public StableDiffusionImageGenerator(StableDiffusionSettings settings) {
		this.settings = settings;
		this.http = new ProviderHttp(PROVIDER, settings.timeout(), List.of(settings.apiAuth()), Clock.systemUTC());
	}

	@Override
	public Priced<byte[]> generate(ScriptScene scene, VideoStyle style, int width, int height) {
		ObjectNode body = this.http.json().createObjectNode();
		body.put("prompt", prompt(scene, style));
		body.put("negative_prompt", this.settings.negativePrompt());
		body.put("width", width);
		body.put("height", height);
		body.put("steps", this.settings.steps());
		body.put("batch_size", 1);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(ProviderHttp.endpoint(this.settings.baseUrl(), "/sdapi/v1/txt2img"))
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(this.http.write(body)));
		if (!this.settings.apiAuth().isEmpty()) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString(this.settings.apiAuth().getBytes(StandardCharsets.UTF_8)));
		}
		JsonNode answer = this.http.parse(this.http.send(request.build()).body());
		JsonNode image = answer.path("images").path(0);
		if (!image.isTextual()) {
			throw this.http.malformed("no image for scene '" + scene.title() + "'");
		}
		byte[] bytes = decode(image.asText(), scene);
		return new Priced<>(bytes, new ProviderCost(CostCategory.IMAGES, this.settings.pricePerImage(),
				"1 image " + width + "x" + height + ", " + this.settings.steps() + " steps"));
	}

	private String prompt(ScriptScene scene, VideoStyle style) {
		String subject = scene.title().isBlank() ? scene.narration() : scene.title() + ". " + scene.narration();
		String look = subject + ", " + look(style);
		return this.settings.stylePrompt().isBlank() ? look : look + ", " + this.settings.stylePrompt();
	}

	/** The video's style in the words image models follow. */
	static String look(VideoStyle style) {
		return switch (style) {
			case CLASSIC -> "cinematic lighting, rich deep colours";
			case MINIMAL -> "minimalist flat illustration, pale background, thin clean lines";
			case NEON -> "neon glow on a dark background, synthwave grid";
		};
	}

	/** Some builds answer a data URL rather than bare base64. */
	private byte[] decode(String encoded, ScriptScene scene) {
		String base64 = encoded.startsWith("data:") ? encoded.substring(encoded.indexOf(',') + 1) : encoded;
		byte[] bytes;
		try {
			bytes = Base64.getMimeDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw ProviderException
				.permanent(PROVIDER + " answered an image for scene '" + scene.title() + "' that is not base64", ex);
		}
		try {
			if (ImageIO.read(new ByteArrayInputStream(bytes)) != null) {
				return bytes;
			}
			throw notAnImage(bytes, scene, null);
		}
		catch (IOException ex) {
			throw notAnImage(bytes, scene, ex);
		}
	}

	private static ProviderException notAnImage(byte[] bytes, ScriptScene scene, IOException cause) {
		return ProviderException.permanent(PROVIDER + " answered " + bytes.length + " bytes for scene '" + scene.title()
				+ "' that are not an image", cause);
	}

}
