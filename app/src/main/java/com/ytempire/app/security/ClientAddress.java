package com.ytempire.app.security;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from, as the rate limits count it and the audit log names
 * it: behind a trusted proxy, the real client that the forwarded-client filter put in the
 * request.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
