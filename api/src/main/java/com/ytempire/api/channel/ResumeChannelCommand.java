package com.ytempire.api.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResumeChannelCommand(@TargetAggregateIdentifier String channelId) {
}
