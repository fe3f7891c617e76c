package com.ytempire.command.web;

/**
 * An {@code Idempotency-Key} came back with a different request than the one it was first
 * used for.
 */
class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException(String key) {
		super("Idempotency-Key '" + key
				+ "' was already used for a different request; use a new key for a new request");
	}

}
