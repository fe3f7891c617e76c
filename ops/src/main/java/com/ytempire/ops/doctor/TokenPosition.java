package com.ytempire.ops.doctor;

import java.io.IOException;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The event position a stored tracking token has reached. Tokens are Axon's, stored as
 * JSON: a gap-aware token holds {@code index}; a token of a processor that is replaying
 * holds its progress under {@code currentToken}.
 */
public final class TokenPosition {

	private static final ObjectMapper JSON = new ObjectMapper();

	private TokenPosition() {
	}

	/** Empty for a token that has seen no event yet, or that this check cannot read. */
	public static OptionalLong of(byte[] token) {
		if (token == null) {
			return OptionalLong.empty();
		}
		try {
			return of(JSON.readTree(token));
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	private static OptionalLong of(JsonNode token) {
		if (token == null || token.isNull()) {
			return OptionalLong.empty();
		}
		if (token.has("currentToken")) {
			return of(token.get("currentToken"));
		}
		for (String field : new String[] { "index", "globalIndex" }) {
			if (token.path(field).canConvertToLong()) {
				return OptionalLong.of(token.get(field).asLong());
			}
		}
		return OptionalLong.empty();
	}

}
