package com.ytempire.app.web;

import java.util.concurrent.Semaphore;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Bounds how many queries run at once, in front of the R2DBC pool: a query beyond the
 * bound is answered {@code 503} with {@code Retry-After} at once, instead of joining an
 * ever longer wait for a database connection that ends in timeouts for everyone. Live
 * feed subscriptions hold their permit for as long as they stay open, so they have a
 * bound of their own and cannot starve the other queries. Commands are bounded by their
 * own thread pool's queue.
 */
@Component
class QueryAdmission implements WebFilter, Ordered {

	static final String FEED = "/api/v1/feed";

	private final Semaphore queries;

	private final Semaphore feeds;

	private final ProblemWriter problems;

	QueryAdmission(@Value("${ytempire.query.max-concurrent:256}") int maxQueries,
			@Value("${ytempire.query.max-feed-subscribers:1000}") int maxFeeds, ProblemWriter problems) {
		this.queries = new Semaphore(maxQueries);
		this.feeds = new Semaphore(maxFeeds);
		this.problems = problems;
	}

	/** Right after security: a request that is refused anyway takes no permit. */
	@Override
	public int getOrder() {
		return -99;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (exchange.getRequest().getMethod() != HttpMethod.GET || !path.startsWith("/api/v1/")) {
			return chain.filter(exchange);
		}
		Semaphore permits = path.equals(FEED) ? this.feeds : this.queries;
		return Mono.defer(() -> {
			if (!permits.tryAcquire()) {
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
				return this.problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
						"The service is answering as many queries as it can; try again shortly");
			}
			return chain.filter(exchange).doFinally((signal) -> permits.release());
		});
	}

}
