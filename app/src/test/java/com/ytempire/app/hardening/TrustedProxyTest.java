package com.ytempire.app.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ytempire.app.YtEmpireApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy every client has a rate limit bucket of its own, and nobody can
 * pick a bucket by writing forwarded headers. The proxy here is 127.0.0.2, the only
 * trusted address; requests from 127.0.0.1 come from an untrusted peer. Requests without
 * a key share a bucket per client address of five requests, refilled at one a second.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = YtEmpireApplication.class,
		properties = { "ytempire.data-dir=target/it-data/${random.uuid}", "ytempire.database.embedded.durable=false",
				"ytempire.security.api-keys=" + HardeningKeys.CONFIGURATION, "ytempire.proxies.trusted=127.0.0.2",
				"ytempire.rate-limit.per-address.per-second=1", "ytempire.rate-limit.per-address.burst=5" })
class TrustedProxyTest {

	private static final String PROXY = "127.0.0.2";

	private static final int OVER_THE_BURST = 12;

	@LocalServerPort
	int port;

	@Test
	void clientsBehindTheProxyAreLimitedEachOnItsOwn() {
		assertThat(statusesThroughProxy("203.0.113.1", OVER_THE_BURST)).containsOnly(401, 429).contains(429);
		assertThat(throughProxy("203.0.113.2").status()).as("another client behind the same proxy").isEqualTo(401);
		assertThat(throughProxy("198.51.100.77, 203.0.113.1").status())
			.as("what the client wrote left of the address the proxy saw changes nothing")
			.isEqualTo(429);
	}

	@Test
	void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
		Http http = new Http(this.port);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < OVER_THE_BURST; i++) {
			statuses.add(http.send(Http.Call.of("GET", "/api/v1/overview", null)
				.withBody(null, Map.of("X-Forwarded-For", "192.0.2." + (i + 1)), false)).status());
		}
		assertThat(statuses).as("one bucket for 127.0.0.1, whatever it claims").contains(429);
		for (int i = 0; i < OVER_THE_BURST; i++) {
			assertThat(http.send(Http.Call.of("GET", "/", null)).status()).as("the console's files are never limited")
				.isEqualTo(200);
		}
	}

	@Test
	void theSchemeIsTheProxysOnlyWhenTheProxyIsTrusted() throws Exception {
		Map<String, String> https = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
		Http.Answer trusted = RawHttp.sendFrom(PROXY, this.port,
				Http.Call.of("GET", "/health", null).withBody(null, https, false));
		Http.Answer untrusted = new Http(this.port)
			.send(Http.Call.of("GET", "/health", null).withBody(null, https, false));
		assertThat(trusted.header("Strict-Transport-Security")).as("HTTPS as the trusted proxy says").isNotNull();
		assertThat(untrusted.header("Strict-Transport-Security")).as("plain HTTP, whatever the client says").isNull();
	}

	private List<Integer> statusesThroughProxy(String forwardedFor, int count) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			statuses.add(throughProxy(forwardedFor).status());
		}
		return statuses;
	}

	private Http.Answer throughProxy(String forwardedFor) {
		return RawHttp.sendFrom(PROXY, this.port, Http.Call.of("GET", "/api/v1/overview", null)
			.withBody(null, Map.of("X-Forwarded-For", forwardedFor), false));
	}

}
