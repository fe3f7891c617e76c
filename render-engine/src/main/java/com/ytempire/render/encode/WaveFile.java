package com.ytempire.render.encode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A voice track as a WAV file, so it can be stored between production steps and played
 * back by anyone.
 */
public final class WaveFile {

	private WaveFile() {
	}

	public static byte[] encode(AudioTrack track) {
		byte[] pcm = new byte[track.samples().length * 2];
		ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(track.samples());
		AudioFormat format = new AudioFormat(track.sampleRate(), 16, 1, true, false);
		try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format,
				track.samples().length)) {
			ByteArrayOutputStream wav = new ByteArrayOutputStream(pcm.length + 64);
			AudioSystem.write(stream, AudioFileFormat.Type.WAVE, wav);
			return wav.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write a WAV file", ex);
		}
	}

	/**
	 * @throws IllegalArgumentException when the bytes are not 16-bit mono PCM WAV
	 */
	public static AudioTrack decode(byte[] wav) {
		try (AudioInputStream stream = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
			AudioFormat format = stream.getFormat();
			if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleSizeInBits() != 16
					|| format.getChannels() != 1) {
				throw new IllegalArgumentException("the voice track must be 16-bit mono PCM, not " + format);
			}
			byte[] pcm = stream.readAllBytes();
			short[] samples = new short[pcm.length / 2];
			ByteBuffer.wrap(pcm)
				.order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
				.asShortBuffer()
				.get(samples);
			return new AudioTrack(Math.round(format.getSampleRate()), samples);
		}
		catch (UnsupportedAudioFileException ex) {
			throw new IllegalArgumentException("the voice track is not a WAV file", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read a WAV file", ex);
		}
	}

}
