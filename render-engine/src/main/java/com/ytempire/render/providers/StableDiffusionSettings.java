package com.ytempire.render.providers;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach a Stable Diffusion web UI's API (AUTOMATIC1111 or Forge, started with
 * {@code --api}).
 *
 * @param baseUrl the web UI's root
 * @param apiAuth {@code user:password} when the UI was started with {@code --api-auth},
 * else empty
 * @param steps sampling steps per image
 * @param stylePrompt appended to every scene's prompt, so a video's pictures share a look
 * @param negativePrompt what the pictures must not show
 * @param timeout for connecting and for each picture
 * @param pricePerImage micro-dollars per picture
 */
public record StableDiffusionSettings(URI baseUrl, String apiAuth, int steps, String stylePrompt, String negativePrompt,
		Duration timeout, long pricePerImage) {

	/** Where the web UI listens when started on the same machine. */
	public static final URI DEFAULT_BASE_URL = URI.create("http://127.0.0.1:7860");

	public static final int DEFAULT_STEPS = 25;

	public static final String DEFAULT_STYLE_PROMPT = "cinematic photograph, detailed, high quality";

	/** Text in a picture would fight the captions burnt in below it. */
	public static final String DEFAULT_NEGATIVE_PROMPT = "text, letters, watermark, logo, blurry, deformed";

	/** A picture takes seconds on a GPU and minutes on a CPU. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * An estimate of a few seconds of rented GPU time; set it from what the GPU costs.
	 */
	public static final long DEFAULT_PRICE_PER_IMAGE = 2_000;

	public StableDiffusionSettings {
		apiAuth = apiAuth == null ? "" : apiAuth;
		if (!apiAuth.isEmpty() && !apiAuth.contains(":")) {
			throw new IllegalArgumentException("the Stable Diffusion API auth must be user:password");
		}
		if (steps < 1) {
			throw new IllegalArgumentException("Stable Diffusion needs at least one step, got " + steps);
		}
		stylePrompt = stylePrompt == null ? "" : stylePrompt;
		negativePrompt = negativePrompt == null ? "" : negativePrompt;
		Settings.requirePositive(timeout, "the Stable Diffusion timeout");
		Settings.requireNonNegative(pricePerImage, "the Stable Diffusion price");
	}

	public static StableDiffusionSettings defaults() {
		return new StableDiffusionSettings(DEFAULT_BASE_URL, "", DEFAULT_STEPS, DEFAULT_STYLE_PROMPT,
				DEFAULT_NEGATIVE_PROMPT, DEFAULT_TIMEOUT, DEFAULT_PRICE_PER_IMAGE);
	}

	@Override
	public String toString() {
		return "StableDiffusionSettings[baseUrl=" + this.baseUrl + ", apiAuth=" + Settings.secret(this.apiAuth)
				+ ", steps=" + this.steps + ", stylePrompt=" + this.stylePrompt + ", negativePrompt="
				+ this.negativePrompt + ", timeout=" + this.timeout + ", pricePerImage=" + this.pricePerImage + "]";
	}

}
