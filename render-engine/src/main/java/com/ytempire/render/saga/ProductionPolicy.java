package com.ytempire.render.saga;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.ytempire.api.video.ProductionStep;

/**
 * How the production saga paces its steps: how long one attempt may take, how many
 * attempts a step gets, how long it waits between them, and which path renders frames.
 *
 * @param retryDelay the wait after the first failed attempt; it doubles after each
 * further one, up to {@code maxRetryDelay}
 * @param renderPath {@code gpu} or {@code cpu}, as chosen at start-up
 */
public record ProductionPolicy(Map<ProductionStep, Duration> timeouts, int maxAttempts, Duration retryDelay,
		Duration maxRetryDelay, String renderPath) {

	public ProductionPolicy {
		timeouts = new EnumMap<>(timeouts);
		for (ProductionStep step : ProductionStep.values()) {
			Duration timeout = timeouts.get(step);
			if (timeout == null || timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("the " + step + " step needs a positive time limit");
			}
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("each step needs at least one attempt, not " + maxAttempts);
		}
		if (retryDelay.isNegative() || maxRetryDelay.compareTo(retryDelay) < 0) {
			throw new IllegalArgumentException("retry delays must satisfy 0 <= first <= longest");
		}
	}

	public Duration timeout(ProductionStep step) {
		return this.timeouts.get(step);
	}

	/**
	 * The wait before the attempt after {@code failedAttempt}; a provider that named its
	 * own wait is given at least that.
	 */
	public Duration retryDelay(int failedAttempt, Duration askedFor) {
		int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
		Duration backoff = this.retryDelay.multipliedBy(1L << doublings);
		if (backoff.compareTo(this.maxRetryDelay) > 0) {
			backoff = this.maxRetryDelay;
		}
		return (askedFor.compareTo(backoff) > 0) ? askedFor : backoff;
	}

}
