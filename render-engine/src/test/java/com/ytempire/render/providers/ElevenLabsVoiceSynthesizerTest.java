package com.ytempire.render.providers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ytempire.api.video.CostCategory;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Script;
import com.ytempire.render.content.ScriptScene;
import com.ytempire.render.content.VoiceOver;
import com.ytempire.render.providers.FakeServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ElevenLabsVoiceSynthesizerTest {

	private static final String KEY = "xi-9d2c41be77a0f3";

	private static final String VOICE = "voice-42";

	private static final String PATH = "/v1/text-to-speech/" + VOICE;

	private static final Script SCRIPT = new Script("Tides", "", List.of(), List
		.of(new ScriptScene("Moon", "The moon pulls the sea.", ""), new ScriptScene("Shore", "Twice a day.", "")));

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
	void speaksEachSceneAndJoinsTheRawPcm() throws IOException {
		// Each scene's audio is as many samples as its narration has characters, so the
		// test can tell the scenes apart and knows their lengths.
		this.server.on(PATH, (request) -> {
			String text = request.json().path("text").asText();
			return Reply.bytes("audio/pcm", pcm(ramp(text.length() * 240)));
		});

		Priced<VoiceOver> voice = synthesizer(Duration.ofSeconds(5)).speak(SCRIPT);

		// 23 x 240 samples at 24 kHz is 230 ms, 12 x 240 is 120 ms; each with a 400 ms
		// pause.
		assertThat(voice.value().sceneMillis()).containsExactly(630L, 520L);
		assertThat(voice.value().audio().sampleRate()).isEqualTo(24_000);
		short[] samples = voice.value().audio().samples();
		assertThat(samples).hasSize((23 * 240 + 9_600) + (12 * 240 + 9_600));
		assertThat(samples[0]).isEqualTo((short) 0);
		assertThat(samples[23 * 240 - 1]).isEqualTo((short) (23 * 240 - 1));
		assertThat(samples[23 * 240]).isZero();
		assertThat(samples[23 * 240 + 9_600 + 100]).isEqualTo((short) 100);
		assertThat(voice.value().voice()).isEqualTo("elevenlabs:" + VOICE);
		// 35 characters at $0.05 per 1,000, rounded up to a whole micro-dollar.
		assertThat(voice.cost().category()).isEqualTo(CostCategory.VOICE);
		assertThat(voice.cost().microDollars()).isEqualTo(1_750);

		List<FakeServer.Request> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.uri().getRawQuery()).isEqualTo("output_format=pcm_24000");
			assertThat(request.header("xi-api-key")).isEqualTo(KEY);
			assertThat(request.json().path("model_id").asText()).isEqualTo("eleven_flash_v2_5");
		});
		assertThat(requests.get(0).uri().getPath()).isEqualTo(PATH);
		assertThat(requests.get(0).json().path("text").asText()).isEqualTo("The moon pulls the sea.");
		assertThat(requests.get(1).json().path("text").asText()).isEqualTo("Twice a day.");
	}

	@Test
	void oddLengthAudioIsPermanent() {
		this.server.on(PATH, (request) -> Reply.bytes("audio/pcm", new byte[1001]));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> synthesizer(Duration.ofSeconds(5)).speak(SCRIPT))
			.withMessage("ElevenLabs answered 1001 bytes for scene 'Moon', which is not whole 16-bit samples")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void emptyAudioIsPermanent() {
		this.server.on(PATH, (request) -> Reply.bytes("audio/pcm", new byte[0]));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> synthesizer(Duration.ofSeconds(5)).speak(SCRIPT))
			.withMessage("ElevenLabs answered no audio for scene 'Moon'")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void jsonInsteadOfAudioIsPermanent() {
		this.server.on(PATH, (request) -> Reply.json(200, "{\"status\": \"ok\"}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> synthesizer(Duration.ofSeconds(5)).speak(SCRIPT))
			.withMessage("ElevenLabs answered application/json instead of audio for scene 'Moon'")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void aSceneThatFailsAfterOthersWereSpokenCarriesWhatThoseCost() {
		this.server.on(PATH, (request) -> request.json().path("text").asText().startsWith("Twice")
				? Reply.json(503, "{\"detail\": \"overloaded\"}") : Reply.bytes("audio/pcm", new byte[480]));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> synthesizer(Duration.ofSeconds(5)).speak(SCRIPT))
			.withMessage("ElevenLabs answered 503: overloaded")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue())
			// The first scene's 23 characters at $0.05 per 1,000.
			.satisfies((ex) -> assertThat(ex.spent())
				.hasValueSatisfying((cost) -> assertThat(cost.microDollars()).isEqualTo(1_150)));
	}

	@Test
	void serverErrorIsRetryable() {
		this.server.on(PATH, (request) -> Reply.json(503, "{\"detail\": \"overloaded\"}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> synthesizer(Duration.ofSeconds(5)).speak(SCRIPT))
			.withMessage("ElevenLabs answered 503: overloaded")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void rateLimitCarriesTheWaitTheServerAskedFor() {
		this.server.on(PATH, (request) -> new Reply(429, Map.of("Retry-After", "12"),
				"{\"detail\": {\"status\": \"too_many_concurrent_requests\", \"message\": \"Too many requests\"}}"
					.getBytes()));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> synthesizer(Duration.ofSeconds(5)).speak(SCRIPT))
			.withMessage("ElevenLabs answered 429: Too many requests")
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(12)));
	}

	@Test
	void refusedKeyIsPermanentAndTheMessageNeverShowsIt() {
		this.server.on(PATH, (request) -> Reply.json(401, "{\"detail\": {\"status\": \"invalid_api_key\", "
				+ "\"message\": \"Invalid API key: " + request.header("xi-api-key") + "\"}}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> synthesizer(Duration.ofSeconds(5)).speak(SCRIPT))
			.withMessage("ElevenLabs answered 401: Invalid API key: [redacted]")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void silentServerTimesOutAsRetryable() {
		this.server.silentOn(PATH);

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> synthesizer(Duration.ofMillis(300)).speak(SCRIPT))
			.withMessage("ElevenLabs did not answer within 300 ms")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	private ElevenLabsVoiceSynthesizer synthesizer(Duration timeout) {
		return new ElevenLabsVoiceSynthesizer(
				new ElevenLabsSettings(this.server.baseUrl(), KEY, VOICE, ElevenLabsSettings.DEFAULT_MODEL_ID, 24_000,
						timeout, ElevenLabsSettings.DEFAULT_PRICE_PER_THOUSAND_CHARACTERS));
	}

	private static short[] ramp(int length) {
		short[] samples = new short[length];
		for (int i = 0; i < length; i++) {
			samples[i] = (short) i;
		}
		return samples;
	}

	private static byte[] pcm(short[] samples) {
		ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asShortBuffer().put(samples);
		return bytes.array();
	}

}
