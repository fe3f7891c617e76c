package com.ytempire.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The operator console's own files: open to everyone, since the console asks for a key
 * only when it calls the API, and never rate limited, since a page loads several at once
 * and everyone behind one address would otherwise share their bucket.
 */
final class ConsoleAssets {

	static final String[] PATHS = { "/", "/index.html", "/console/**", "/webjars/**" };

	static final ServerWebExchangeMatcher REQUESTS = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PATHS);

	private ConsoleAssets() {
	}

}
