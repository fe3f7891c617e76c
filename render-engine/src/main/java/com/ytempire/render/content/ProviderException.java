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

	private ProviderException(String message, Throwable cause, boolean retryable, Duration retryAfter) {
		super(message, cause);
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/** Worth another attempt: a timeout, a 5xx, a rate limit, a dropped connection. */
	public static ProviderException retryable(String message, Throwable cause) {
		return new ProviderException(message, cause, true, null);
	}

	/** A rate limit that named how long to wait. */
	public static ProviderException rateLimited(String message, Duration retryAfter) {
		return new ProviderException(message, null, true, retryAfter);
	}

	/** No attempt can succeed: bad credentials, refused content, a malformed answer. */
	public static ProviderException permanent(String message, Throwable cause) {
		return new ProviderException(message, cause, false, null);
	}

	public boolean isRetryable() {
		return this.retryable;
	}

	/** How long the provider asked to be left alone, when it said. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
