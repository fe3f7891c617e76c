package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkRenderedCommand(@TargetAggregateIdentifier String videoId, MediaRef video, long durationMillis,
		int width, int height) {
}
