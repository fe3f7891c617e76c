package com.ytempire.app.web;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses query parameters that PostgreSQL cannot compare with text (a NUL character or
 * an unpaired surrogate, as {@code %00} decodes to): bound into a read-model query they
 * make the database fail the statement, a 500. JSON bodies get the same rule from
 * {@link StorableTextDeserializer}.
 */
@Component
class UnstorableQueryText implements WebFilter, Ordered {

	private final ProblemWriter problems;

	UnstorableQueryText(ProblemWriter problems) {
		this.problems = problems;
	}

	/** After security and the request bounds. */
	@Override
	public int getOrder() {
		return -97;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
			boolean storable = StorableTextDeserializer.isStorable(parameter.getKey()) && parameter.getValue()
				.stream()
				.allMatch((value) -> value == null || StorableTextDeserializer.isStorable(value));
			if (!storable) {
				return this.problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "Query parameter '"
						+ parameter.getKey().replace("\0", "") + "' contains a NUL character or an unpaired surrogate");
			}
		}
		return chain.filter(exchange);
	}

}
