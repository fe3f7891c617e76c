package com.ytempire.render.encode;

/**
 * Mono 16-bit PCM. The encoder resamples it to 48 kHz, so providers keep their native
 * rate.
 */
public record AudioTrack(int sampleRate, short[] samples) {

	public AudioTrack {
		if (sampleRate <= 0) {
			throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
		}
	}

	public long durationMillis() {
		return this.samples.length * 1000L / this.sampleRate;
	}

	public static AudioTrack silence(int sampleRate, long durationMillis) {
		return new AudioTrack(sampleRate, new short[(int) (sampleRate * durationMillis / 1000)]);
	}

}
