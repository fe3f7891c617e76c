package com.ytempire.render.content;

import java.util.List;

import com.ytempire.render.encode.AudioTrack;

/**
 * The spoken track and where each scene's narration ends, so the pictures can follow the
 * voice.
 *
 * @param audio the whole track
 * @param sceneMillis the length of each scene's part, in script order, pauses included
 * @param voice which voice spoke, so a placeholder track can never pass for speech
 */
public record VoiceOver(AudioTrack audio, List<Long> sceneMillis, String voice) {

	public VoiceOver {
		sceneMillis = List.copyOf(sceneMillis);
	}

}
