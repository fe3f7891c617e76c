package com.ytempire.app.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write route refuses a body over 64 KB with 413, whether the client says its
 * length up front or streams it in chunks without one.
 */
@IntegrationTest
class BodyLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everyWriteRouteRefusesOversizedBodies() throws Exception {
		Http http = new Http(this.port);
		byte[] oversized = ("{\"name\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		Set<String> routes = Routes.of(this.context);
		List<String> writeRoutes = routes.stream().filter((route) -> !route.startsWith("GET ")).toList();
		assertThat(writeRoutes).isNotEmpty();
		List<String> wrong = new ArrayList<>();
		for (String route : writeRoutes) {
			String method = route.substring(0, route.indexOf(' '));
			String path = RouteRoleTest.samplePath(route.substring(route.indexOf(' ') + 1));
			for (boolean chunked : new boolean[] { false, true }) {
				Http.Answer answer = http.send(Http.Call.of(method, path, TestKeys.ADMIN)
					.withBody(oversized, Map.of("Content-Type", "application/json"), chunked));
				if (answer.status() != 413 || !answer.contentType().startsWith("application/problem+json")) {
					wrong.add(route + (chunked ? " chunked" : " with length") + " answered " + answer.status() + " "
							+ answer.body());
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void chunkedBodyWithinTheLimitIsRead() throws Exception {
		String name = "Chunked " + UUID.randomUUID();
		byte[] body = ("{\"name\":\"" + name + "\",\"niche\":\"" + "n".repeat(40) + "\",\"dailyVideoQuota\":1}")
			.getBytes(StandardCharsets.UTF_8);
		Http.Answer answer = new Http(this.port).send(Http.Call.of("POST", "/api/v1/channels", TestKeys.OPERATOR)
			.withBody(body, Map.of("Content-Type", "application/json"), true));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
	}

}
