package com.ytempire.api.video;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkImagesReadyCommand(@TargetAggregateIdentifier String videoId, List<MediaRef> images) {
}
