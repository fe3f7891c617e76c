package com.ytempire.api.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PauseChannelCommand(@TargetAggregateIdentifier String channelId, String reason) {
}
