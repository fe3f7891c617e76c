package com.ytempire.app.security;

import java.time.Duration;
import java.util.List;

import com.ytempire.app.web.ProblemWriter;
import com.ytempire.app.web.RequestIdFilter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets pages from the configured dashboard origins call the API from a browser, preflight
 * included, and refuses cross-origin requests from any other origin with a 403 problem.
 * Same-origin requests (the console this service serves) are not cross-origin and pass.
 * Spring's processor decides; this filter only gives its refusal a body.
 */
class CrossOriginFilter implements WebFilter {

	private static final Duration PREFLIGHT_CACHE = Duration.ofHours(1);

	private final CorsConfiguration configuration = new CorsConfiguration();

	private final CorsProcessor processor = new DefaultCorsProcessor();

	private final ProblemWriter problems;

	CrossOriginFilter(CorsProperties properties, ProblemWriter problems) {
		this.problems = problems;
		this.configuration.setAllowedOrigins(properties.origins());
		this.configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
		this.configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "X-API-Key",
				"Idempotency-Key", "Last-Event-ID", RequestIdFilter.HEADER));
		this.configuration
			.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, RequestIdFilter.HEADER));
		this.configuration.setMaxAge(PREFLIGHT_CACHE);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.processor.process(this.configuration, exchange)) {
			RefusalAudit.refused(exchange, HttpStatus.FORBIDDEN, "origin not allowed", null);
			return this.problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
					"Requests from this origin are not allowed");
		}
		return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
	}

}
