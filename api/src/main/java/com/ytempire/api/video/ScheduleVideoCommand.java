package com.ytempire.api.video;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleVideoCommand(@TargetAggregateIdentifier String videoId, String channelId, String title,
		String topic, Instant publishAt, String style, int targetLengthSeconds) {
}
