package com.ytempire.render.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * How to reach the ElevenLabs text-to-speech API.
 *
 * @param baseUrl the API root, without {@code /v1}
 * @param apiKey sent in the {@code xi-api-key} header
 * @param voiceId which voice speaks
 * @param modelId which speech model
 * @param sampleRate of the raw PCM asked for ({@code output_format=pcm_<rate>})
 * @param timeout for connecting and for each scene's answer
 * @param pricePerThousandCharacters micro-dollars per 1,000 characters spoken
 */
public record ElevenLabsSettings(URI baseUrl, String apiKey, String voiceId, String modelId, int sampleRate,
		Duration timeout, long pricePerThousandCharacters) {

	public static final URI DEFAULT_BASE_URL = URI.create("https://api.elevenlabs.io");

	/** "Rachel", one of the voices every account has. */
	public static final String DEFAULT_VOICE_ID = "21m00Tcm4TlvDq8ikWAM";

	public static final String DEFAULT_MODEL_ID = "eleven_flash_v2_5";

	public static final int DEFAULT_SAMPLE_RATE = 24_000;

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

	/** $0.05 per 1,000 characters: the Flash models' API price at the time of writing. */
	public static final long DEFAULT_PRICE_PER_THOUSAND_CHARACTERS = 50_000;

	/** The raw PCM rates the API offers. */
	private static final Set<Integer> PCM_RATES = Set.of(8_000, 16_000, 22_050, 24_000, 44_100, 48_000);

	public ElevenLabsSettings {
		Settings.requireText(apiKey, "the ElevenLabs API key");
		Settings.requireText(voiceId, "the ElevenLabs voice id");
		Settings.requireText(modelId, "the ElevenLabs model id");
		if (!PCM_RATES.contains(sampleRate)) {
			throw new IllegalArgumentException(
					"ElevenLabs offers PCM at " + PCM_RATES + " Hz, not at " + sampleRate + " Hz");
		}
		Settings.requirePositive(timeout, "the ElevenLabs timeout");
		Settings.requireNonNegative(pricePerThousandCharacters, "the ElevenLabs price");
	}

	/**
	 * The public endpoint, a stock voice and the fast model, with only the key to supply.
	 */
	public static ElevenLabsSettings defaults(String apiKey) {
		return new ElevenLabsSettings(DEFAULT_BASE_URL, apiKey, DEFAULT_VOICE_ID, DEFAULT_MODEL_ID, DEFAULT_SAMPLE_RATE,
				DEFAULT_TIMEOUT, DEFAULT_PRICE_PER_THOUSAND_CHARACTERS);
	}

	@Override
	public String toString() {
		return "ElevenLabsSettings[baseUrl=" + this.baseUrl + ", apiKey=" + Settings.secret(this.apiKey) + ", voiceId="
				+ this.voiceId + ", modelId=" + this.modelId + ", sampleRate=" + this.sampleRate + ", timeout="
				+ this.timeout + ", pricePerThousandCharacters=" + this.pricePerThousandCharacters + "]";
	}

}
