package com.ytempire.monitoring.http;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Counts every HTTP request by method, route template and status
 * ({@code http_requests_total}) and times it ({@code http_request_duration_seconds}, with
 * the operations document's buckets).
 * <p>
 * The route is the pattern the request matched, never the raw path: a path carries ids,
 * and one series per id would grow without bound. Requests that match no handler (refused
 * by security before routing, or unknown paths) share one route value.
 * <p>
 * It runs before security so that refused requests are counted too.
 */
class HttpMetricsFilter implements WebFilter, Ordered {

	static final String UNMATCHED = "unmatched";

	// The operations document's buckets, in seconds: 0.1, 0.3, 0.5, 0.7, 1, 3, 5, 7, 10.
	private static final Duration[] BUCKETS = { Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(500),
			Duration.ofMillis(700), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5),
			Duration.ofSeconds(7), Duration.ofSeconds(10) };

	private final MeterRegistry registry;

	HttpMetricsFilter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		return chain.filter(exchange)
			.doOnSuccess((done) -> record(exchange, start, statusOf(exchange, null)))
			.doOnError((ex) -> record(exchange, start, statusOf(exchange, ex)));
	}

	private void record(ServerWebExchange exchange, long start, int status) {
		String method = exchange.getRequest().getMethod().name();
		String route = routeOf(exchange);
		Counter.builder("http.requests")
			.description("HTTP requests by method, route template and status")
			.tag("method", method)
			.tag("route", route)
			.tag("status", Integer.toString(status))
			.register(this.registry)
			.increment();
		Timer.builder("http.request.duration")
			.description("Duration of HTTP requests")
			.tag("method", method)
			.tag("route", route)
			.serviceLevelObjectives(BUCKETS)
			.register(this.registry)
			.record(Duration.ofNanos(System.nanoTime() - start));
	}

	private static String routeOf(ServerWebExchange exchange) {
		PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.getPatternString() : UNMATCHED;
	}

	// An error that escapes the handler becomes its status only later, in the exception
	// handlers outside this filter: read the status it will get from the error itself.
	private static int statusOf(ServerWebExchange exchange, Throwable error) {
		if (error instanceof ResponseStatusException ex) {
			return ex.getStatusCode().value();
		}
		if (error != null) {
			return 500;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return (status != null) ? status.value() : 200;
	}

}
