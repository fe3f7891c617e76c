package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkVoiceOverReadyCommand(@TargetAggregateIdentifier String videoId, MediaRef audio,
		long durationMillis) {
}
