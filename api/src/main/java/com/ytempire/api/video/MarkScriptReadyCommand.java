package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkScriptReadyCommand(@TargetAggregateIdentifier String videoId, MediaRef script, int sceneCount) {
}
