package com.ytempire.render.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How this node produces videos.
 *
 * @param enabled whether this node runs the production saga and its workers
 * @param gpu {@code auto}, {@code off} or {@code require}
 * @param format {@code 720p} or {@code 1080p}
 * @param workers how many steps run at once on this node
 * @param diskReserve free space a render must leave on the media disk
 * @param prices unit prices of the offline providers, in micro-dollars
 * @param servicePrices unit prices of the paid services, in micro-dollars
 * @param providers which service does each step, and where it is; keys come only from the
 * environment
 */
@ConfigurationProperties("ytempire.render")
public record RenderProperties(boolean enabled, Path mediaDir, Path outboxDir, String gpu, String format, int workers,
		DataSize diskReserve, Attempts attempts, Timeouts timeouts, Prices prices, ServicePrices servicePrices,
		Providers providers) {

	/**
	 * @param retryDelay the wait after a first failed attempt; it doubles after each
	 * further one
	 */
	public record Attempts(int max, Duration retryDelay, Duration maxRetryDelay) {
	}

	/** How long one attempt at each step may take before it counts as failed. */
	public record Timeouts(Duration script, Duration voice, Duration images, Duration render, Duration publish) {
	}

	public record Prices(long scriptPerThousandCharacters, long voicePerThousandCharacters, long perImage,
			long renderPerMinute, long perPublish) {
	}

	/**
	 * What the paid services charge, at their list prices unless configured otherwise.
	 *
	 * @param openai each chat model's token prices, by model name; a model not named here
	 * cannot be used
	 */
	public record ServicePrices(Map<String, TokenPrices> openai, long elevenlabsPerThousandCharacters,
			long stableDiffusionPerImage) {

		public ServicePrices {
			openai = (openai != null) ? Map.copyOf(openai) : Map.of();
		}

	}

	public record TokenPrices(long inputPerMillionTokens, long outputPerMillionTokens) {
	}

	/**
	 * @param script {@code offline} or {@code openai}
	 * @param voice {@code offline} (espeak-ng, or a placeholder tone) or
	 * {@code elevenlabs}
	 * @param images {@code offline} or {@code stable-diffusion}
	 * @param publisher {@code outbox} or {@code youtube}
	 */
	public record Providers(String script, String voice, String images, String publisher, String openaiUrl,
			String openaiModel, String elevenlabsUrl, String elevenlabsVoice, String stableDiffusionUrl,
			String youtubeApiUrl, String youtubeOauthUrl) {
	}

}
