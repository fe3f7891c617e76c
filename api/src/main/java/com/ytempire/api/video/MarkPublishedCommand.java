package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param externalVideoId the id the publishing platform gave the video (a YouTube video
 * id)
 */
public record MarkPublishedCommand(@TargetAggregateIdentifier String videoId, String externalVideoId) {
}
