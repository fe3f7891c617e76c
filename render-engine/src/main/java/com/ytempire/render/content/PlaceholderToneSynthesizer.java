package com.ytempire.render.content;

import java.util.ArrayList;
import java.util.List;

import com.ytempire.render.encode.AudioTrack;

/**
 * Used when no speech engine is installed: a soft beep per word at a speaking pace, so
 * the video's timing is what real narration would give. It is named {@value #VOICE}
 * everywhere it appears.
 */
public final class PlaceholderToneSynthesizer implements VoiceSynthesizer {

	public static final String VOICE = "placeholder-tone";

	private static final int SAMPLE_RATE = 24_000;

	/** About 150 words a minute, a usual narration pace. */
	private static final int MILLIS_PER_WORD = 400;

	private static final int BEEP_MILLIS = 180;

	private static final int PAUSE_MILLIS = 400;

	private final PriceTable prices;

	public PlaceholderToneSynthesizer(PriceTable prices) {
		this.prices = prices;
	}

	@Override
	public String name() {
		return VOICE;
	}

	@Override
	public Priced<VoiceOver> speak(Script script) {
		List<Long> sceneMillis = new ArrayList<>();
		long totalMillis = 0;
		for (ScriptScene scene : script.scenes()) {
			long millis = (long) scene.wordCount() * MILLIS_PER_WORD + PAUSE_MILLIS;
			sceneMillis.add(millis);
			totalMillis += millis;
		}
		short[] samples = new short[(int) (totalMillis * SAMPLE_RATE / 1000)];
		long sceneStart = 0;
		for (int i = 0; i < script.scenes().size(); i++) {
			int words = script.scenes().get(i).wordCount();
			for (int word = 0; word < words; word++) {
				beep(samples, (int) ((sceneStart + (long) word * MILLIS_PER_WORD) * SAMPLE_RATE / 1000));
			}
			sceneStart += sceneMillis.get(i);
		}
		VoiceOver voiceOver = new VoiceOver(new AudioTrack(SAMPLE_RATE, samples), sceneMillis, name());
		return new Priced<>(voiceOver, this.prices.voice(script.characters()));
	}

	/**
	 * A 440 Hz tone with a sine-shaped envelope, so it starts and stops without clicks.
	 */
	private static void beep(short[] samples, int start) {
		int length = BEEP_MILLIS * SAMPLE_RATE / 1000;
		for (int i = 0; i < length && start + i < samples.length; i++) {
			double envelope = Math.sin(Math.PI * i / length);
			double tone = Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE);
			samples[start + i] = (short) (6000 * envelope * tone);
		}
	}

}
