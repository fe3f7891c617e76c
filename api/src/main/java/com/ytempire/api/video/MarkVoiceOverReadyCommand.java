package com.ytempire.api.video;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param sceneMillis how long each scene's narration lasts, in script order, so the
 * pictures can follow the voice
 */
public record MarkVoiceOverReadyCommand(@TargetAggregateIdentifier String videoId, MediaRef audio, long durationMillis,
		List<Long> sceneMillis) {

	public MarkVoiceOverReadyCommand {
		sceneMillis = (sceneMillis != null) ? List.copyOf(sceneMillis) : List.of();
	}

}
