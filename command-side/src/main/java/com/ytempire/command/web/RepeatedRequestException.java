package com.ytempire.command.web;

/**
 * A request arrived under an {@code Idempotency-Key} that another request already
 * claimed; its transaction is rolled back and the earlier outcome is returned instead.
 */
class RepeatedRequestException extends RuntimeException {

	RepeatedRequestException(String key) {
		super("Idempotency-Key " + key + " was already used");
	}

}
