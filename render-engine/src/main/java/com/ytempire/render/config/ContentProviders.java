package com.ytempire.render.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;

import com.ytempire.render.content.ImageGenerator;
import com.ytempire.render.content.OfflineScriptWriter;
import com.ytempire.render.content.OfflineVoices;
import com.ytempire.render.content.OutboxPublisher;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.content.ProceduralImageGenerator;
import com.ytempire.render.content.Publisher;
import com.ytempire.render.content.ScriptWriter;
import com.ytempire.render.content.VoiceSynthesizer;
import com.ytempire.render.providers.ElevenLabsSettings;
import com.ytempire.render.providers.ElevenLabsVoiceSynthesizer;
import com.ytempire.render.providers.OpenAiScriptWriter;
import com.ytempire.render.providers.OpenAiSettings;
import com.ytempire.render.providers.StableDiffusionImageGenerator;
import com.ytempire.render.providers.StableDiffusionSettings;
import com.ytempire.render.providers.YouTubePublisher;
import com.ytempire.render.providers.YouTubeSettings;
import com.ytempire.render.work.ProviderNames;

import org.springframework.core.env.Environment;

/**
 * The providers this node uses, as configured: the offline ones by default, the paid
 * services when chosen. Endpoints come from configuration; keys only from the
 * environment.
 */
final class ContentProviders {

	private final RenderProperties.Providers choice;

	private final Environment environment;

	private final PriceTable prices;

	private final RenderProperties.ServicePrices servicePrices;

	ContentProviders(RenderProperties.Providers choice, Environment environment, PriceTable prices,
			RenderProperties.ServicePrices servicePrices) {
		this.choice = choice;
		this.environment = environment;
		this.prices = prices;
		this.servicePrices = servicePrices;
	}

	ScriptWriter scriptWriter() {
		return switch (name(this.choice.script())) {
			case "offline" -> new OfflineScriptWriter(this.prices);
			case "openai" -> {
				RenderProperties.TokenPrices tokens = openAiPrices(this.choice.openaiModel());
				yield new OpenAiScriptWriter(new OpenAiSettings(URI.create(this.choice.openaiUrl()),
						secret("OPENAI_API_KEY"), this.choice.openaiModel(), OpenAiSettings.DEFAULT_TIMEOUT,
						tokens.inputPerMillionTokens(), tokens.outputPerMillionTokens()));
			}
			default -> throw unknown("script", this.choice.script(), "offline, openai");
		};
	}

	VoiceSynthesizer voice() {
		return switch (name(this.choice.voice())) {
			case "offline" -> OfflineVoices.best(this.prices);
			case "elevenlabs" ->
				new ElevenLabsVoiceSynthesizer(new ElevenLabsSettings(URI.create(this.choice.elevenlabsUrl()),
						secret("ELEVENLABS_API_KEY"), this.choice.elevenlabsVoice(),
						ElevenLabsSettings.DEFAULT_MODEL_ID, ElevenLabsSettings.DEFAULT_SAMPLE_RATE,
						ElevenLabsSettings.DEFAULT_TIMEOUT, this.servicePrices.elevenlabsPerThousandCharacters()));
			default -> throw unknown("voice", this.choice.voice(), "offline, elevenlabs");
		};
	}

	ImageGenerator images() {
		return switch (name(this.choice.images())) {
			case "offline" -> new ProceduralImageGenerator(this.prices);
			case "stable-diffusion" -> new StableDiffusionImageGenerator(new StableDiffusionSettings(
					URI.create(this.choice.stableDiffusionUrl()), this.environment.getProperty("SD_API_AUTH", ""),
					StableDiffusionSettings.DEFAULT_STEPS, StableDiffusionSettings.DEFAULT_STYLE_PROMPT,
					StableDiffusionSettings.DEFAULT_NEGATIVE_PROMPT, StableDiffusionSettings.DEFAULT_TIMEOUT,
					this.servicePrices.stableDiffusionPerImage()));
			default -> throw unknown("images", this.choice.images(), "offline, stable-diffusion");
		};
	}

	Publisher publisher(Path outbox) {
		return switch (name(this.choice.publisher())) {
			case "outbox" -> new OutboxPublisher(outbox, this.prices);
			case "youtube" -> new YouTubePublisher(new YouTubeSettings(URI.create(this.choice.youtubeApiUrl()),
					URI.create(this.choice.youtubeOauthUrl()), secret("YOUTUBE_CLIENT_ID"),
					secret("YOUTUBE_CLIENT_SECRET"), secret("YOUTUBE_REFRESH_TOKEN"),
					YouTubeSettings.DEFAULT_CATEGORY_ID, YouTubeSettings.DEFAULT_TIMEOUT,
					YouTubeSettings.DEFAULT_UPLOAD_TIMEOUT, YouTubeSettings.DEFAULT_MAX_RESUMES,
					YouTubeSettings.DEFAULT_RESUME_BACKOFF, 0));
			default -> throw unknown("publisher", this.choice.publisher(), "outbox, youtube");
		};
	}

	/** Who did each step, as recorded with its costs. */
	ProviderNames names(String renderPath) {
		String script = name(this.choice.script());
		return new ProviderNames(script.equals("openai") ? "openai:" + this.choice.openaiModel() : "offline-template",
				name(this.choice.images()).equals("offline") ? "procedural" : "stable-diffusion", renderPath,
				name(this.choice.publisher()));
	}

	/**
	 * A model is only used at a known price: an unpriced one would make every video look
	 * free to the cost cap.
	 */
	private RenderProperties.TokenPrices openAiPrices(String model) {
		RenderProperties.TokenPrices tokens = this.servicePrices.openai().get(model.trim());
		if (tokens == null) {
			throw new IllegalStateException("OPENAI_MODEL '" + model + "' has no price: set "
					+ "ytempire.render.service-prices.openai.[" + model.trim()
					+ "].input-per-million-tokens and .output-per-million-tokens (micro-dollars); priced models: "
					+ new TreeSet<>(this.servicePrices.openai().keySet()));
		}
		return tokens;
	}

	private String secret(String variable) {
		String value = this.environment.getProperty(variable);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " must be set in the environment for the chosen provider");
		}
		return value;
	}

	private static String name(String configured) {
		return configured.trim().toLowerCase(Locale.ROOT);
	}

	private static IllegalArgumentException unknown(String what, String configured, String choices) {
		return new IllegalArgumentException(
				"ytempire.render.providers." + what + " must be one of " + choices + ", not '" + configured + "'");
	}

}
