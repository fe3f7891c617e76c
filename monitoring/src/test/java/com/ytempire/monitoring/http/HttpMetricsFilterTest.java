package com.ytempire.monitoring.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMetricsFilterTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final HttpMetricsFilter filter = new HttpMetricsConfiguration().httpMetricsFilter(this.registry);

	@Test
	void labelsRequestsWithTheRouteTemplateNotThePath() {
		MockServerWebExchange exchange = exchange("/api/v1/videos/42/costs");
		run(exchange, (served) -> {
			served.getAttributes()
				.put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
						PathPatternParser.defaultInstance.parse("/api/v1/videos/{videoId}/costs"));
			served.getResponse().setStatusCode(HttpStatus.CREATED);
			return Mono.empty();
		});
		assertThat(count("/api/v1/videos/{videoId}/costs", "201")).isEqualTo(1);
		assertThat(this.registry.get("http.request.duration")
			.tag("route", "/api/v1/videos/{videoId}/costs")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.getMeters()).noneMatch((meter) -> meter.getId().toString().contains("42"));
	}

	@Test
	void requestsThatMatchNoHandlerShareOneRoute() {
		run(exchange("/nowhere/1"), (served) -> {
			served.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
			return Mono.empty();
		});
		run(exchange("/nowhere/2"), (served) -> Mono.empty());
		assertThat(count(HttpMetricsFilter.UNMATCHED, "401")).isEqualTo(1);
		assertThat(count(HttpMetricsFilter.UNMATCHED, "200")).isEqualTo(1);
	}

	@Test
	void errorsCountWithTheStatusTheyWillGet() {
		runFailing(exchange("/a"), new ResponseStatusException(HttpStatus.NOT_FOUND));
		runFailing(exchange("/b"), new IllegalStateException("boom"));
		assertThat(count(HttpMetricsFilter.UNMATCHED, "404")).isEqualTo(1);
		assertThat(count(HttpMetricsFilter.UNMATCHED, "500")).isEqualTo(1);
	}

	@Test
	void timesWithTheDocumentsBuckets() {
		run(exchange("/a"), (served) -> Mono.empty());
		assertThat(this.registry.get("http.request.duration").timer().takeSnapshot().histogramCounts())
			.extracting((bucket) -> bucket.bucket(java.util.concurrent.TimeUnit.SECONDS))
			.containsExactly(0.1, 0.3, 0.5, 0.7, 1.0, 3.0, 5.0, 7.0, 10.0);
		assertThat(this.filter.getOrder()).isNegative();
	}

	private double count(String route, String status) {
		return this.registry.get("http.requests").tag("route", route).tag("status", status).counter().count();
	}

	private void run(MockServerWebExchange exchange, WebFilterChain chain) {
		StepVerifier.create(this.filter.filter(exchange, chain)).verifyComplete();
	}

	private void runFailing(ServerWebExchange exchange, Throwable error) {
		StepVerifier.create(this.filter.filter(exchange, (served) -> Mono.error(error))).verifyError();
	}

	private static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.post(path));
	}

}
