package com.ytempire.app.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Treats an empty {@code Accept} header as none. Spring Boot 4.0.7's Prometheus scrape
 * endpoint fails with a NullPointerException (a 500) on an empty one, as it finds no
 * output format for it.
 */
@Component
class BlankAcceptHeaders implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (!headers.containsHeader(HttpHeaders.ACCEPT)
				|| headers.getOrEmpty(HttpHeaders.ACCEPT).stream().anyMatch(StringUtils::hasText)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate()
			.request((request) -> request.headers((mutable) -> mutable.remove(HttpHeaders.ACCEPT)))
			.build());
	}

}
