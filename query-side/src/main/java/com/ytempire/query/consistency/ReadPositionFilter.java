package com.ytempire.query.consistency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Read-your-writes: a query that passes {@code minPosition} (the position a command
 * answered with) is held until every projection has applied that event, for at most a few
 * seconds. If they have not by then, the answer is 503 with {@code Retry-After} rather
 * than data that silently lacks the caller's write.
 */
@Component
class ReadPositionFilter implements WebFilter {

	static final String PARAMETER = "minPosition";

	private final ProjectionPositions positions;

	private final Duration timeout;

	ReadPositionFilter(ProjectionPositions positions,
			@Value("${ytempire.query.read-your-writes-timeout:5s}") Duration timeout) {
		this.positions = positions;
		this.timeout = timeout;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String value = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
		if (value == null || exchange.getRequest().getMethod() != HttpMethod.GET
				|| !exchange.getRequest().getPath().value().startsWith("/api/v1/")) {
			return chain.filter(exchange);
		}
		long position;
		try {
			position = Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			position = -1;
		}
		if (position < 0) {
			return problem(exchange.getResponse(), HttpStatus.BAD_REQUEST,
					"'minPosition' must be a non-negative whole number: the position a command answered with");
		}
		long wanted = position;
		return this.positions.awaitPassed(wanted, this.timeout).flatMap((passed) -> {
			if (passed) {
				return chain.filter(exchange);
			}
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
			return problem(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
					"The read models have not reached " + "position " + wanted + " within " + this.timeout.toMillis()
							+ " ms; the answer would be stale. " + "Try again shortly.");
		});
	}

	private static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String detail) {
		String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
				+ status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

}
