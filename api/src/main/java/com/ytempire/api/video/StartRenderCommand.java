package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param renderPath which compositor renders the frames: {@code gpu} or {@code cpu}
 */
public record StartRenderCommand(@TargetAggregateIdentifier String videoId, String renderPath) {
}
