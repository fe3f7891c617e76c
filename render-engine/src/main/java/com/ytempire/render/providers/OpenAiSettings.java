package com.ytempire.render.providers;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach an OpenAI-compatible chat completions API.
 *
 * @param baseUrl the API root, without {@code /v1}
 * @param apiKey sent as a Bearer token
 * @param model the model that writes the script
 * @param timeout for connecting and for the whole answer
 * @param inputPricePerMillionTokens micro-dollars per million prompt tokens
 * @param outputPricePerMillionTokens micro-dollars per million completion tokens
 */
public record OpenAiSettings(URI baseUrl, String apiKey, String model, Duration timeout,
		long inputPricePerMillionTokens, long outputPricePerMillionTokens) {

	public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com");

	public static final String DEFAULT_MODEL = "gpt-4o-mini";

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

	/** gpt-4o-mini's list price: $0.15 per million input tokens. */
	public static final long DEFAULT_INPUT_PRICE = 150_000;

	/** gpt-4o-mini's list price: $0.60 per million output tokens. */
	public static final long DEFAULT_OUTPUT_PRICE = 600_000;

	public OpenAiSettings {
		Settings.requireText(apiKey, "the OpenAI API key");
		Settings.requireText(model, "the OpenAI model");
		Settings.requirePositive(timeout, "the OpenAI timeout");
		Settings.requireNonNegative(inputPricePerMillionTokens, "the OpenAI input price");
		Settings.requireNonNegative(outputPricePerMillionTokens, "the OpenAI output price");
	}

	/** The public endpoint and model, with only the key to supply. */
	public static OpenAiSettings defaults(String apiKey) {
		return new OpenAiSettings(DEFAULT_BASE_URL, apiKey, DEFAULT_MODEL, DEFAULT_TIMEOUT, DEFAULT_INPUT_PRICE,
				DEFAULT_OUTPUT_PRICE);
	}

	@Override
	public String toString() {
		return "OpenAiSettings[baseUrl=" + this.baseUrl + ", apiKey=" + Settings.secret(this.apiKey) + ", model="
				+ this.model + ", timeout=" + this.timeout + ", inputPricePerMillionTokens="
				+ this.inputPricePerMillionTokens + ", outputPricePerMillionTokens=" + this.outputPricePerMillionTokens
				+ "]";
	}

}
