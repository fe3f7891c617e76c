package com.ytempire.render.providers;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProviderSettingsTest {

	@Test
	void defaultsPointAtThePublicEndpoints() {
		assertThat(OpenAiSettings.defaults("k").baseUrl()).isEqualTo(URI.create("https://api.openai.com"));
		assertThat(ElevenLabsSettings.defaults("k").baseUrl()).isEqualTo(URI.create("https://api.elevenlabs.io"));
		YouTubeSettings youTube = YouTubeSettings.defaults("id", "secret", "refresh");
		assertThat(youTube.apiBaseUrl()).isEqualTo(URI.create("https://www.googleapis.com"));
		assertThat(youTube.oauthBaseUrl()).isEqualTo(URI.create("https://oauth2.googleapis.com"));
		assertThat(youTube.pricePerUpload()).isZero();
		assertThat(StableDiffusionSettings.defaults().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:7860"));
	}

	@Test
	void noSettingsPrintTheirCredentials() {
		assertThat(OpenAiSettings.defaults("sk-live-123456").toString()).doesNotContain("sk-live-123456")
			.contains("apiKey=(set)", "model=gpt-4o-mini");
		assertThat(ElevenLabsSettings.defaults("xi-live-123456").toString()).doesNotContain("xi-live-123456")
			.contains("apiKey=(set)");
		assertThat(YouTubeSettings.defaults("client-1", "GOCSPX-live", "1//refresh-live").toString())
			.doesNotContain("GOCSPX-live", "1//refresh-live")
			.contains("clientId=client-1", "clientSecret=(set)", "refreshToken=(set)");
		StableDiffusionSettings stableDiffusion = new StableDiffusionSettings(URI.create("http://gpu:7860"),
				"render:pass-live", 20, "", "", Duration.ofMinutes(1), 0);
		assertThat(stableDiffusion.toString()).doesNotContain("pass-live").contains("apiAuth=(set)");
		assertThat(StableDiffusionSettings.defaults().toString()).contains("apiAuth=(not set)");
	}

	@Test
	void missingCredentialsAreRefusedAtConfigurationTime() {
		assertThatIllegalArgumentException().isThrownBy(() -> OpenAiSettings.defaults(" "))
			.withMessage("the OpenAI API key must be set");
		assertThatIllegalArgumentException().isThrownBy(() -> ElevenLabsSettings.defaults(null))
			.withMessage("the ElevenLabs API key must be set");
		assertThatIllegalArgumentException().isThrownBy(() -> YouTubeSettings.defaults("id", "secret", ""))
			.withMessage("the YouTube OAuth refresh token must be set");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ElevenLabsSettings(ElevenLabsSettings.DEFAULT_BASE_URL, "k", "v", "m", 12_345,
					Duration.ofSeconds(1), 0))
			.withMessageContaining("not at 12345 Hz");
	}

	@Test
	void watchUrlAndVideoIdRoundTrip() {
		assertThat(YouTubeWatchUrl.of("dQw4w9WgXcQ")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
		assertThatIllegalArgumentException().isThrownBy(() -> YouTubeWatchUrl.of("a b"));
	}

}
