package com.ytempire.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One attempt at a production step failed.
 *
 * @param retryable whether another attempt can succeed (a timeout, a provider's 5xx or
 * rate limit), as opposed to input no attempt can get past
 * @param retryAfterMillis how long the provider asked to wait, or 0 when it did not say
 */
public record RecordStepFailureCommand(@TargetAggregateIdentifier String videoId, ProductionStep step, int attempt,
		String reason, boolean retryable, long retryAfterMillis) {
}
