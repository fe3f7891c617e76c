package com.ytempire.api.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateChannelCommand(@TargetAggregateIdentifier String channelId, String name, ChannelSettings settings) {
}
