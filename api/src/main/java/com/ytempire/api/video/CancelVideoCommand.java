package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelVideoCommand(@TargetAggregateIdentifier String videoId, String reason) {
}
