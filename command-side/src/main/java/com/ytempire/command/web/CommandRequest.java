package com.ytempire.command.web;

import java.security.Principal;
import java.util.Optional;

import org.springframework.web.server.ServerWebInputException;

/**
 * Who asked for a command and how to recognise a retry of the same request.
 *
 * @param caller the API key's name, stored with every event the request causes
 * @param idempotencyKey the client's {@code Idempotency-Key}, if it sent one
 * @param description the route and parsed body; two requests under one key must agree on
 * it
 */
public record CommandRequest(String caller, Optional<String> idempotencyKey, String description) {

	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	/** The stored key's column width. */
	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

	public static CommandRequest of(Principal principal, Optional<String> idempotencyKey, String description) {
		Optional<String> key = idempotencyKey.filter((value) -> !value.isBlank());
		if (key.isPresent() && (key.get().length() > MAX_IDEMPOTENCY_KEY_LENGTH
				|| key.get().chars().anyMatch(Character::isISOControl))) {
			throw new ServerWebInputException("The Idempotency-Key header must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH
					+ " characters without control characters, such as a UUID");
		}
		return new CommandRequest(principal.getName(), key, description);
	}

}
