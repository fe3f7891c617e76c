package com.ytempire.app.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ytempire.app.web.ProblemWriter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers {@code 429 Too Many Requests} with {@code Retry-After} to a client that sends
 * faster than its token bucket allows. A known API key has a bucket of its own; a request
 * without one (no key, or a key this service does not know, as in guessing) is counted
 * against its client address (the real client behind a trusted proxy). Health checks and
 * metric scrapes are never limited: load balancers and Prometheus must always get
 * through; nor are the console's files.
 */
class RateLimitFilter implements WebFilter {

	/** Buckets of addresses not seen for this long are dropped; a new one starts full. */
	private static final Duration IDLE_BUCKET_EXPIRY = Duration.ofMinutes(10);

	private static final long MAX_BUCKETS = 100_000;

	private final ApiKeyRegistry keys;

	private final RateLimitProperties limits;

	private final ProblemWriter problems;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(MAX_BUCKETS)
		.expireAfterAccess(IDLE_BUCKET_EXPIRY)
		.build();

	RateLimitFilter(ApiKeyRegistry keys, RateLimitProperties limits, ProblemWriter problems) {
		this.keys = keys;
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (path.equals("/health") || path.startsWith("/health/") || path.equals("/api/metrics")) {
			return chain.filter(exchange);
		}
		return ConsoleAssets.REQUESTS.matches(exchange)
			.flatMap((asset) -> asset.isMatch() ? chain.filter(exchange) : limit(exchange, chain));
	}

	private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		ConsumptionProbe probe = bucketOf(request).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return chain.filter(exchange);
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return this.problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests from this client; try again in " + seconds + " s");
	}

	private Bucket bucketOf(ServerHttpRequest request) {
		String secret = PresentedKey.in(request.getHeaders());
		ApiKey key = (secret != null) ? this.keys.find(secret).orElse(null) : null;
		if (key != null) {
			return this.buckets.get("key:" + key.name(), (name) -> bucket(this.limits.perKey()));
		}
		return this.buckets.get("address:" + ClientAddress.of(request), (name) -> bucket(this.limits.perAddress()));
	}

	private static Bucket bucket(RateLimitProperties.Limit limit) {
		return Bucket.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(limit.burst())
				.refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
			.build();
	}

}
