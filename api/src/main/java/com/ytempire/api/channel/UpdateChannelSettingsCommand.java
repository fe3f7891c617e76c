package com.ytempire.api.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateChannelSettingsCommand(@TargetAggregateIdentifier String channelId, ChannelSettings settings) {
}
