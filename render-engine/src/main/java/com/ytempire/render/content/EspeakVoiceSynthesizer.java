package com.ytempire.render.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import com.ytempire.render.encode.AudioTrack;

/**
 * Speech from the local {@code espeak-ng} program, one call per scene so each scene's
 * length is known exactly. Robotic, but real words, offline.
 */
public final class EspeakVoiceSynthesizer implements VoiceSynthesizer {

	private static final String COMMAND = "espeak-ng";

	private static final int PAUSE_MILLIS = 400;

	private final PriceTable prices;

	public EspeakVoiceSynthesizer(PriceTable prices) {
		this.prices = prices;
	}

	/**
	 * Whether the program can be run on this machine; checked at run time, not at build
	 * time.
	 */
	public static boolean isInstalled() {
		try {
			Process process = new ProcessBuilder(COMMAND, "--version").redirectErrorStream(true).start();
			process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public String name() {
		return COMMAND;
	}

	@Override
	public Priced<VoiceOver> speak(Script script) {
		List<Long> sceneMillis = new ArrayList<>();
		ByteArrayOutputStream pcm = new ByteArrayOutputStream();
		int sampleRate = 0;
		for (ScriptScene scene : script.scenes()) {
			AudioInputStream speech = synthesize(scene.narration());
			sampleRate = (int) speech.getFormat().getSampleRate();
			byte[] spoken = readAll(speech);
			byte[] pause = new byte[PAUSE_MILLIS * sampleRate / 1000 * 2];
			pcm.writeBytes(spoken);
			pcm.writeBytes(pause);
			sceneMillis.add((spoken.length + pause.length) / 2 * 1000L / sampleRate);
		}
		short[] samples = new short[pcm.size() / 2];
		ByteBuffer.wrap(pcm.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
		VoiceOver voiceOver = new VoiceOver(new AudioTrack(sampleRate, samples), sceneMillis, name());
		return new Priced<>(voiceOver, this.prices.voice(script.characters()));
	}

	private static AudioInputStream synthesize(String text) {
		try {
			Path wav = Files.createTempFile("narration-", ".wav");
			try {
				Process process = new ProcessBuilder(COMMAND, "-v", "en-us", "-s", "165", "-w", wav.toString(), text)
					.redirectErrorStream(true)
					.start();
				String output = new String(process.getInputStream().readAllBytes());
				if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException(COMMAND + " failed: " + output.strip());
				}
				AudioInputStream source = AudioSystem
					.getAudioInputStream(new java.io.ByteArrayInputStream(Files.readAllBytes(wav)));
				AudioFormat format = source.getFormat();
				// 16-bit little-endian mono, whatever espeak-ng's build writes.
				AudioFormat target = new AudioFormat(format.getSampleRate(), 16, 1, true, false);
				return AudioSystem.getAudioInputStream(target, source);
			}
			finally {
				Files.deleteIfExists(wav);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run " + COMMAND, ex);
		}
		catch (UnsupportedAudioFileException ex) {
			throw new IllegalStateException(COMMAND + " wrote audio Java cannot read", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while speaking", ex);
		}
	}

	private static byte[] readAll(AudioInputStream stream) {
		try (stream) {
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
