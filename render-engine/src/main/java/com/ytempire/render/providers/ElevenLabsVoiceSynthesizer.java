package com.ytempire.render.providers;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import com.ytempire.api.video.CostCategory;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Script;
import com.ytempire.render.content.ScriptScene;
import com.ytempire.render.content.VoiceOver;
import com.ytempire.render.content.VoiceSynthesizer;
import com.ytempire.render.encode.AudioTrack;

/**
 * Speech from ElevenLabs, one call per scene so each scene's length is known exactly. It
 * asks for raw 16-bit little-endian PCM, which needs no decoder.
 */
public final class ElevenLabsVoiceSynthesizer implements VoiceSynthesizer {

	private static final String PROVIDER = "ElevenLabs";

	/** The same breath between scenes as the offline voices leave. */
	private static final int PAUSE_MILLIS = 400;

	private final ElevenLabsSettings settings;

	private final ProviderHttp http;

	public ElevenLabsVoiceSynthesizer(ElevenLabsSettings settings) {
		this.settings = settings;
		this.http = new ProviderHttp(PROVIDER, settings.timeout(), List.of(settings.apiKey()), Clock.systemUTC());
	}

	@Override
	public String name() {
		return "elevenlabs:" + this.settings.voiceId();
	}

	@Override
	public Priced<VoiceOver> speak(Script script) {
		int sampleRate = this.settings.sampleRate();
		byte[] pause = new byte[PAUSE_MILLIS * sampleRate / 1000 * 2];
		ByteArrayOutputStream pcm = new ByteArrayOutputStream();
		List<Long> sceneMillis = new ArrayList<>();
		int charactersSpoken = 0;
		for (ScriptScene scene : script.scenes()) {
			byte[] spoken;
			try {
				spoken = speak(scene);
			}
			catch (ProviderException ex) {
				// The scenes spoken before this one are billed even though the voice-over
				// fails.
				throw (charactersSpoken > 0) ? ex.spending(cost(charactersSpoken)) : ex;
			}
			charactersSpoken += scene.narration().length();
			pcm.writeBytes(spoken);
			pcm.writeBytes(pause);
			sceneMillis.add((spoken.length + pause.length) / 2 * 1000L / sampleRate);
		}
		short[] samples = new short[pcm.size() / 2];
		ByteBuffer.wrap(pcm.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
		VoiceOver voiceOver = new VoiceOver(new AudioTrack(sampleRate, samples), sceneMillis, name());
		return new Priced<>(voiceOver, cost(script.characters()));
	}

	private byte[] speak(ScriptScene scene) {
		ObjectNode body = this.http.json().createObjectNode();
		body.put("text", scene.narration());
		body.put("model_id", this.settings.modelId());
		String path = "/v1/text-to-speech/" + URLEncoder.encode(this.settings.voiceId(), StandardCharsets.UTF_8)
				+ "?output_format=pcm_" + this.settings.sampleRate();
		HttpRequest request = HttpRequest.newBuilder(ProviderHttp.endpoint(this.settings.baseUrl(), path))
			.timeout(this.settings.timeout())
			.header("xi-api-key", this.settings.apiKey())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(this.http.write(body)))
			.build();
		HttpResponse<byte[]> response = this.http.send(request);
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		if (contentType.startsWith("application/json") || contentType.startsWith("text/")) {
			throw this.http.malformed(contentType + " instead of audio for scene '" + scene.title() + "'");
		}
		byte[] spoken = response.body();
		if (spoken.length == 0) {
			throw this.http.malformed("no audio for scene '" + scene.title() + "'");
		}
		if (spoken.length % 2 != 0) {
			throw this.http.malformed(
					spoken.length + " bytes for scene '" + scene.title() + "', which is not whole 16-bit samples");
		}
		return spoken;
	}

	private ProviderCost cost(int characters) {
		long microDollars = (this.settings.pricePerThousandCharacters() * characters + 999) / 1000;
		return new ProviderCost(CostCategory.VOICE, microDollars,
				characters + " characters, voice " + this.settings.voiceId());
	}

}
