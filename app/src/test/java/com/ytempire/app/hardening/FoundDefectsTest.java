package com.ytempire.app.hardening;

import java.util.Map;
import java.util.UUID;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the bad-input run once answered with a 500 or without a problem body, each
 * pinned down.
 */
@IntegrationTest
class FoundDefectsTest {

	@LocalServerPort
	int port;

	@Test
	void anIdOfAnotherKindIsNotFound() throws Exception {
		Api operator = Api.at(this.port, TestKeys.OPERATOR);
		String channelId = operator.createChannel("Kinds " + UUID.randomUUID(), 5);
		String videoId = operator.scheduleVideo(channelId, "2026-12-20T10:00:00Z");
		Http http = new Http(this.port);
		assertProblem(http.send(Http.Call.of("POST", "/api/v1/channels/" + videoId + "/resume", TestKeys.OPERATOR)),
				404);
		assertProblem(
				http.send(
						Http.Call.of("POST", "/api/v1/videos/" + channelId + "/cancel", TestKeys.OPERATOR).json("{}")),
				404);
	}

	@Test
	void anOverlongIdempotencyKeyIsBadRequest() throws Exception {
		Http.Answer answer = new Http(this.port).send(Http.Call.of("POST", "/api/v1/channels", TestKeys.OPERATOR)
			.withBody(
					("{\"name\":\"Idem " + UUID.randomUUID() + "\",\"niche\":\"n\",\"dailyVideoQuota\":1}").getBytes(),
					Map.of("Content-Type", "application/json", "Idempotency-Key", "k".repeat(201)), false));
		assertProblem(answer, 400);
		assertThat(answer.body()).contains("Idempotency-Key");
	}

	@Test
	void refusedPathsAndMethodsGetProblems() throws Exception {
		Http http = new Http(this.port);
		assertProblem(http.send(Http.Call.of("GET", "/api/v1/../api/v1/admin/dead-letters", TestKeys.ADMIN)), 400);
		assertProblem(http.send(Http.Call.of("GET", "/api/v1/channels/%2e%2e%2fadmin", TestKeys.ADMIN)), 400);
		assertProblem(http.send(Http.Call.of("TRACE", "/api/v1/channels", TestKeys.ADMIN)), 400);
		assertProblem(http.send(Http.Call.of("GET", "/health/no-such-group", null)), 404);
	}

	@Test
	void anAcceptHeaderNothingMatchesGetsAProblemAnyway() throws Exception {
		Http http = new Http(this.port);
		for (String accept : new String[] { "*/*;q=x", "image/png" }) {
			Http.Answer answer = http.send(Http.Call.of("GET", "/api/v1/overview", TestKeys.VIEWER)
				.withBody(null, Map.of("Accept", accept), false));
			assertProblem(answer, 406);
		}
		// The console's welcome page is a router function: it answered 500 to this one.
		assertProblem(
				http.send(Http.Call.of("GET", "/", TestKeys.VIEWER).withBody(null, Map.of("Accept", "*/*;q=x"), false)),
				406);
	}

	@Test
	void anEmptyAcceptHeaderIsTreatedAsNone() throws Exception {
		Http.Answer answer = new Http(this.port)
			.send(Http.Call.of("GET", "/api/metrics", null).withBody(null, Map.of("Accept", ""), false));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("http_requests_total");
	}

	@Test
	void aNulInAQueryParameterIsBadRequest() throws Exception {
		assertProblem(new Http(this.port).send(Http.Call.of("GET", "/api/v1/channels?niche=a%00b", TestKeys.VIEWER)),
				400);
	}

	@Test
	void anOverlongIdWithAnIdempotencyKeyIsNotFound() throws Exception {
		Http.Answer answer = new Http(this.port)
			.send(Http.Call.of("POST", "/api/v1/channels/" + "x".repeat(300) + "/resume", TestKeys.OPERATOR)
				.withBody(null, Map.of("Idempotency-Key", UUID.randomUUID().toString()), false));
		assertProblem(answer, 404);
	}

	@Test
	void aBodySentToARefusedPathStillGetsItsAnswer() throws Exception {
		Http http = new Http(this.port);
		byte[] body = ("{\"a\":\"" + "b".repeat(30_000) + "\"}").getBytes();
		for (String path : new String[] { "/api/v1/videos/%2F/costs", "/api/v1/channels/%00/resume" }) {
			for (boolean chunked : new boolean[] { false, true }) {
				Http.Answer answer = http.send(Http.Call.of("POST", path, TestKeys.ADMIN)
					.withBody(body, Map.of("Content-Type", "application/json"), chunked));
				assertProblem(answer, 400);
			}
		}
	}

	private static void assertProblem(Http.Answer answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Exception");
	}

}
