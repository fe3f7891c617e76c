package com.ytempire.app.web;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives a problem body to every error answer that would go out empty: the request
 * firewall's refusals (path tricks, unknown methods), actuator's 404 for an unknown
 * health group, a refused media type. Clients then parse every 4xx the same way. Runs
 * first, so it also wraps the security filters.
 */
@Component
class EmptyErrorBodies implements WebFilter, Ordered {

	private final ProblemWriter problems;

	EmptyErrorBodies(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		ServerWebExchange decorated = exchange.mutate().response(new ServerHttpResponseDecorator(response) {
			@Override
			public Mono<Void> setComplete() {
				return isCommitted() ? super.setComplete() : problemOr(getDelegate(), super::setComplete);
			}
		}).build();
		// A filter that only sets an error status (the firewall's refusal) leaves the
		// response for the server to complete empty.
		return chain.filter(decorated)
			.then(Mono.defer(() -> response.isCommitted() ? Mono.empty() : problemOr(response, Mono::empty)));
	}

	private Mono<Void> problemOr(ServerHttpResponse response, Supplier<Mono<Void>> otherwise) {
		HttpStatusCode code = response.getStatusCode();
		HttpStatus status = (code != null) ? HttpStatus.resolve(code.value()) : null;
		if (status == null || !status.isError()) {
			return otherwise.get();
		}
		return this.problems.write(response, status, "The request was refused: " + status.getReasonPhrase());
	}

}
