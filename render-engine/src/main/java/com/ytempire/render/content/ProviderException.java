package com.ytempire.render.content;

import java.time.Duration;
import java.util.Optional;

/**
 * A content provider could not deliver. Whether trying again can help decides between a
 * retry and a failed video, so every provider says which it is.
 */
public final class ProviderException extends RuntimeException {

	private final boolean retryable;

	private final Duration retryAfter;

	private final ProviderCost spent;

	private ProviderException(String message, Throwable cause, boolean retryable, Duration retryAfter,
			ProviderCost spent) {
		super(message, cause);
		this.retryable = retryable;
		this.retryAfter = retryAfter;
		this.spent = spent;
	}

	/** Worth another attempt: a timeout, a 5xx, a rate limit, a dropped connection. */
	public static ProviderException retryable(String message, Throwable cause) {
		return new ProviderException(message, cause, true, null, null);
	}

	/** A rate limit that named how long to wait. */
	public static ProviderException rateLimited(String message, Duration retryAfter) {
		return new ProviderException(message, null, true, retryAfter, null);
	}

	/** No attempt can succeed: bad credentials, refused content, a malformed answer. */
	public static ProviderException permanent(String message, Throwable cause) {
		return new ProviderException(message, cause, false, null, null);
	}

	/**
	 * The same failure after a call that was paid for: the provider charged for an answer
	 * that cannot be used.
	 */
	public ProviderException spending(ProviderCost cost) {
		ProviderException paid = new ProviderException(getMessage(), getCause(), this.retryable, this.retryAfter, cost);
		paid.setStackTrace(getStackTrace());
		return paid;
	}

	/** What the failed call cost, when the provider charged for it. */
	public Optional<ProviderCost> spent() {
		return Optional.ofNullable(this.spent);
	}

	public boolean isRetryable() {
		return this.retryable;
	}

	/** How long the provider asked to be left alone, when it said. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
