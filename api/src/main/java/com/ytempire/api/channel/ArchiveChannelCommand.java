package com.ytempire.api.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ArchiveChannelCommand(@TargetAggregateIdentifier String channelId, String reason) {
}
