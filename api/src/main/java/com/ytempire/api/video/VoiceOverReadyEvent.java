package com.ytempire.api.video;

import java.util.List;

/**
 * @param sceneMillis how long each scene's narration lasts; empty in events stored before
 * scenes were timed
 */
public record VoiceOverReadyEvent(String videoId, String channelId, MediaRef audio, long durationMillis,
		List<Long> sceneMillis) implements VideoEvent {

	public VoiceOverReadyEvent {
		sceneMillis = (sceneMillis != null) ? List.copyOf(sceneMillis) : List.of();
	}

}
