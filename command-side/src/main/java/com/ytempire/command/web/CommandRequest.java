package com.ytempire.command.web;

import java.security.Principal;
import java.util.Optional;

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

	public static CommandRequest of(Principal principal, Optional<String> idempotencyKey, String description) {
		return new CommandRequest(principal.getName(), idempotencyKey.filter((key) -> !key.isBlank()), description);
	}

}
