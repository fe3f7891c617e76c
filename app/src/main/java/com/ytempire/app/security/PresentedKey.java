package com.ytempire.app.security;

import org.springframework.http.HttpHeaders;

/**
 * Where a client puts its API key: {@code Authorization: Bearer <key>}, or
 * {@code X-API-Key: <key>} for tools that cannot set the first.
 */
final class PresentedKey {

	private static final String BEARER = "Bearer ";

	private static final String API_KEY_HEADER = "X-API-Key";

	private PresentedKey() {
	}

	/** The secret a request presents, or {@code null} when it presents none. */
	static String in(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		String secret = (authorization != null && authorization.startsWith(BEARER))
				? authorization.substring(BEARER.length()).strip() : headers.getFirst(API_KEY_HEADER);
		return (secret == null || secret.isBlank()) ? null : secret;
	}

}
