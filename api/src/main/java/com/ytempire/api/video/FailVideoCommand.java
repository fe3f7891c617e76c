package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailVideoCommand(@TargetAggregateIdentifier String videoId, String reason) {
}
