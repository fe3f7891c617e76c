package com.ytempire.render.production;

import java.util.ArrayList;
import java.util.List;

import com.ytempire.render.content.Script;
import com.ytempire.render.content.ScriptScene;
import com.ytempire.render.content.VoiceOver;
import com.ytempire.render.encode.AudioTrack;

/**
 * Fits spoken narration to the video's length. Narration that runs over is trimmed at
 * sentence ends, to be spoken again; narration that runs short is followed by holds,
 * silence while each scene's picture stays on screen, shared evenly between the scenes.
 */
final class NarrationFit {

	/**
	 * Trimming aims this far below the target, because a sentence's time is an estimate
	 * until it is spoken again.
	 */
	private static final double TRIM_GOAL = 0.97;

	private NarrationFit() {
	}

	/**
	 * How far a video may end from its target: 5%, and a second for videos under 20 s.
	 */
	static long toleranceMillis(long targetMillis) {
		return (targetMillis < 20_000) ? 1_000 : targetMillis / 20;
	}

	/**
	 * The script without the sentences that make it run over: the last sentence of the
	 * scene that runs longest goes first, and every scene keeps its first sentence. Each
	 * sentence's time is estimated from its scene's measured pace in words.
	 * @return the same script when no sentence can go
	 */
	static Script trimmed(Script script, List<Long> sceneMillis, long targetMillis) {
		int count = script.scenes().size();
		List<List<String>> kept = new ArrayList<>();
		double[] millisPerWord = new double[count];
		double[] estimated = new double[count];
		double total = 0;
		for (int i = 0; i < count; i++) {
			ScriptScene scene = script.scenes().get(i);
			kept.add(new ArrayList<>(scene.sentences()));
			millisPerWord[i] = (double) sceneMillis.get(i) / Math.max(1, ScriptScene.wordsIn(scene.narration()));
			estimated[i] = sceneMillis.get(i);
			total += estimated[i];
		}
		boolean changed = false;
		while (total > targetMillis * TRIM_GOAL) {
			int longest = -1;
			for (int i = 0; i < count; i++) {
				if (kept.get(i).size() > 1 && (longest < 0 || estimated[i] > estimated[longest])) {
					longest = i;
				}
			}
			if (longest < 0) {
				break;
			}
			List<String> sentences = kept.get(longest);
			String dropped = sentences.remove(sentences.size() - 1);
			double saved = ScriptScene.wordsIn(dropped) * millisPerWord[longest];
			estimated[longest] -= saved;
			total -= saved;
			changed = true;
		}
		if (!changed) {
			return script;
		}
		List<ScriptScene> scenes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			scenes.add(script.scenes().get(i).saying(kept.get(i)));
		}
		return new Script(script.title(), script.description(), script.tags(), scenes);
	}

	/**
	 * The voice-over lengthened to the target with a hold after each scene's narration;
	 * each scene's length then includes its hold, so the pictures stay with it.
	 */
	static VoiceOver held(VoiceOver voice, long targetMillis) {
		List<Long> spoken = voice.sceneMillis();
		long extra = targetMillis - spoken.stream().mapToLong(Long::longValue).sum();
		if (extra <= 0) {
			return voice;
		}
		AudioTrack audio = voice.audio();
		int count = spoken.size();
		long[] holds = new long[count];
		long holdSamples = 0;
		for (int i = 0; i < count; i++) {
			holds[i] = (i < count - 1) ? extra / count : extra - extra / count * (count - 1);
			holdSamples += samples(holds[i], audio.sampleRate());
		}
		short[] in = audio.samples();
		short[] out = new short[Math.toIntExact(in.length + holdSamples)];
		List<Long> heldMillis = new ArrayList<>(count);
		int read = 0;
		int written = 0;
		long sceneEnd = 0;
		for (int i = 0; i < count; i++) {
			sceneEnd += spoken.get(i);
			int end = (i < count - 1) ? (int) Math.min(in.length, samples(sceneEnd, audio.sampleRate())) : in.length;
			System.arraycopy(in, read, out, written, end - read);
			written += end - read + (int) samples(holds[i], audio.sampleRate());
			read = end;
			heldMillis.add(spoken.get(i) + holds[i]);
		}
		return new VoiceOver(new AudioTrack(audio.sampleRate(), out), heldMillis, voice.voice());
	}

	private static long samples(long millis, int sampleRate) {
		return millis * sampleRate / 1000;
	}

}
