package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts one attempt at a production step. A video accepts each attempt once, so a step
 * can never run twice for one attempt.
 *
 * @param attempt counts from 1 for each step
 */
public record StartProductionStepCommand(@TargetAggregateIdentifier String videoId, ProductionStep step, int attempt) {
}
