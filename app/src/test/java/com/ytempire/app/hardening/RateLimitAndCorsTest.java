package com.ytempire.app.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ytempire.app.TestKeys;
import com.ytempire.app.YtEmpireApplication;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per API key and per client address answer 429 with Retry-After; browsers
 * may call the API from the configured dashboard origin only. The application runs here
 * with small buckets: one request a second, bursts of a few.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = YtEmpireApplication.class,
		properties = { "ytempire.data-dir=target/it-data/${random.uuid}", "ytempire.database.embedded.durable=false",
				"ytempire.security.api-keys=" + HardeningKeys.CONFIGURATION, "ytempire.rate-limit.per-key.per-second=1",
				"ytempire.rate-limit.per-key.burst=5", "ytempire.rate-limit.per-address.per-second=1",
				"ytempire.rate-limit.per-address.burst=20", "ytempire.cors.origins=" + RateLimitAndCorsTest.DASHBOARD })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitAndCorsTest {

	static final String DASHBOARD = "https://dashboard.example.com";

	private static final String OTHER_ORIGIN = "https://elsewhere.example.com";

	@LocalServerPort
	int port;

	@Test
	@Order(1)
	void preflightFromTheDashboardIsAllowed() throws Exception {
		Http.Answer answer = new Http(this.port).send(Http.Call.of("OPTIONS", "/api/v1/channels", null)
			.withBody(null, Map.of("Origin", DASHBOARD, "Access-Control-Request-Method", "POST",
					"Access-Control-Request-Headers", "authorization,content-type,idempotency-key,x-request-id"),
					false));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
		assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(answer.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization")
			.contains("content-type")
			.contains("idempotency-key")
			.contains("x-request-id");
	}

	@Test
	@Order(2)
	void dashboardMayReadWithItsKey() throws Exception {
		Http.Answer answer = new Http(this.port).send(Http.Call.of("GET", "/api/v1/overview", TestKeys.ADMIN)
			.withBody(null, Map.of("Origin", DASHBOARD), false));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
		// A dashboard's script can read the id to quote it when it reports a failure.
		assertThat(answer.header("Access-Control-Expose-Headers")).containsIgnoringCase("X-Request-Id");
	}

	@Test
	@Order(3)
	void otherOriginsAreRefused() throws Exception {
		Http http = new Http(this.port);
		Http.Answer preflight = http.send(Http.Call.of("OPTIONS", "/api/v1/channels", null)
			.withBody(null, Map.of("Origin", OTHER_ORIGIN, "Access-Control-Request-Method", "POST"), false));
		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.contentType()).startsWith("application/problem+json");
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		Http.Answer read = http.send(Http.Call.of("GET", "/api/v1/overview", TestKeys.ADMIN)
			.withBody(null, Map.of("Origin", OTHER_ORIGIN), false));
		assertThat(read.status()).isEqualTo(403);
		assertThat(read.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	@Order(4)
	void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysAreNotAffected() throws Exception {
		Http http = new Http(this.port);
		List<Http.Answer> answers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			answers.add(http.send(Http.Call.of("GET", "/api/v1/overview", TestKeys.VIEWER)));
		}
		assertThat(answers).extracting(Http.Answer::status).containsOnly(200, 429).contains(429);
		Http.Answer refused = answers.stream().filter((answer) -> answer.status() == 429).findFirst().orElseThrow();
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(Integer.parseInt(refused.retryAfter())).isPositive();
		assertThat(http.send(Http.Call.of("GET", "/api/v1/overview", TestKeys.OPERATOR)).status()).isEqualTo(200);
		assertThat(http.send(Http.Call.of("GET", "/health/readiness", TestKeys.VIEWER)).status())
			.as("health is never limited")
			.isEqualTo(200);
	}

	@Test
	@Order(5)
	void requestsWithoutAKnownKeyAreLimitedPerAddress() throws Exception {
		Http http = new Http(this.port);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String key = (i % 2 == 0) ? null : "guessed-key-" + i + "-0123456789abcdef";
			statuses.add(http.send(Http.Call.of("GET", "/api/v1/overview", key)).status());
		}
		assertThat(statuses).containsOnly(401, 429).contains(429);
		assertThat(http.send(Http.Call.of("GET", "/api/v1/overview", TestKeys.ADMIN)).status())
			.as("a known key has its own bucket")
			.isEqualTo(200);
		for (int i = 0; i < 30; i++) {
			assertThat(http.send(Http.Call.of("GET", "/health", null)).status()).isEqualTo(200);
		}
	}

	@Test
	@Order(6)
	void theApiDescriptionIsLimitedLikeTheApi() throws Exception {
		Http http = new Http(this.port);
		List<Http.Answer> answers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			answers.add(http.send(Http.Call.of("GET", "/v3/api-docs", TestKeys.ADMIN)));
		}
		assertThat(answers).extracting(Http.Answer::status).containsOnly(200, 429).contains(429);
		assertThat(answers).filteredOn((answer) -> answer.status() == 429)
			.allSatisfy((answer) -> assertThat(answer.contentType()).startsWith("application/problem+json"));
	}

}
