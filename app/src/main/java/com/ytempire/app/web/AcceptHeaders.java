package com.ytempire.app.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Treats an empty {@code Accept} header as none, and refuses one that cannot be read with
 * a 406, as controllers do. Spring Boot 4.0.7's Prometheus scrape endpoint fails with a
 * NullPointerException (a 500) on an empty one, as it finds no output format for it; the
 * console's welcome page, a router function, fails with a 500 on an unreadable one such
 * as {@code *}{@code /*;q=x}.
 */
@Component
class AcceptHeaders implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (!headers.containsHeader(HttpHeaders.ACCEPT)) {
			return chain.filter(exchange);
		}
		if (headers.getOrEmpty(HttpHeaders.ACCEPT).stream().anyMatch(StringUtils::hasText)) {
			try {
				MediaType.parseMediaTypes(headers.getOrEmpty(HttpHeaders.ACCEPT));
			}
			catch (InvalidMediaTypeException ex) {
				return Mono
					.error(new NotAcceptableStatusException("The Accept header cannot be read: " + ex.getMessage()));
			}
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate()
			.request((request) -> request.headers((mutable) -> mutable.remove(HttpHeaders.ACCEPT)))
			.build());
	}

}
