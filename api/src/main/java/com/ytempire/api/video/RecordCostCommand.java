package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records money spent on a video. Recording the same {@code costId} again changes
 * nothing.
 *
 * @param amountMicros the amount in whole micro-dollars (1 USD = 1,000,000)
 * @param units how much of the provider's unit was used (tokens, characters, images,
 * seconds)
 */
public record RecordCostCommand(@TargetAggregateIdentifier String videoId, String costId, CostCategory category,
		long amountMicros, String provider, long units) {
}
