package com.ytempire.app;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody acts without the right key and role, and bad input gets a 4xx problem, never a
 * 5xx.
 */
@IntegrationTest
class RequestGuardTest {

	@LocalServerPort
	int port;

	private String videoId;

	private Api operator;

	@BeforeEach
	void setUp() {
		this.operator = Api.at(this.port, TestKeys.OPERATOR);
		if (this.videoId == null) {
			String channelId = this.operator.createChannel(CommandApiTest.uniqueName("Guard"), 100);
			this.videoId = this.operator.scheduleVideo(channelId, "2026-12-10T10:00:00Z");
		}
	}

	@Test
	void requestWithoutKeyIsUnauthorized() {
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		anonymous.post()
			.uri("/api/v1/channels")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownKeyIsUnauthorized() {
		Api.at(this.port, "not-a-key-of-this-service-at-all")
			.post("/api/v1/channels", "{}")
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The API key is not valid");
	}

	@Test
	void keyInXApiKeyHeaderIsAccepted() {
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		client.post()
			.uri("/api/v1/channels")
			.header("X-API-Key", TestKeys.OPERATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					"{\"name\":\"" + CommandApiTest.uniqueName("Header") + "\",\"niche\":\"n\",\"dailyVideoQuota\":1}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void viewerCannotSendCommands() {
		Api.at(this.port, TestKeys.VIEWER)
			.post("/api/v1/videos/" + this.videoId + "/cancel", "{}")
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void operatorCannotRunMaintenance() {
		this.operator.post("/api/v1/admin/rebuild", "{}").expectStatus().isForbidden();
	}

	@Test
	void adminMaySendCommands() {
		Api.at(this.port, TestKeys.ADMIN)
			.post("/api/v1/channels",
					"{\"name\":\"" + CommandApiTest.uniqueName("Admin") + "\",\"niche\":\"n\",\"dailyVideoQuota\":1}")
			.expectStatus()
			.isCreated();
	}

	static Stream<Arguments> badCostBodies() {
		return Stream.of(Arguments.of("broken JSON", "{\"costId\":", 400),
				Arguments.of("not an object", "[1,2,3]", 400), Arguments.of("empty body", "", 400),
				Arguments.of("unknown field",
						"{\"category\":\"SCRIPT\",\"amount\":1,\"provider\":\"p\",\"surprise\":true}", 400),
				Arguments.of("negative amount", "{\"category\":\"SCRIPT\",\"amount\":-0.01,\"provider\":\"p\"}", 400),
				Arguments.of("absurd amount", "{\"category\":\"SCRIPT\",\"amount\":1e12,\"provider\":\"p\"}", 400),
				Arguments.of("too many decimals", "{\"category\":\"SCRIPT\",\"amount\":0.0000001,\"provider\":\"p\"}",
						400),
				Arguments.of("amount as text", "{\"category\":\"SCRIPT\",\"amount\":\"lots\",\"provider\":\"p\"}", 400),
				Arguments.of("unknown category", "{\"category\":\"BRIBES\",\"amount\":1,\"provider\":\"p\"}", 400),
				Arguments.of("missing provider", "{\"category\":\"SCRIPT\",\"amount\":1}", 400),
				Arguments.of("huge provider",
						"{\"category\":\"SCRIPT\",\"amount\":1,\"provider\":\"" + "p".repeat(20_000) + "\"}", 400),
				Arguments.of("cost id with path tricks",
						"{\"costId\":\"../../etc\",\"category\":\"SCRIPT\",\"amount\":1,\"provider\":\"p\"}", 400),
				Arguments.of("body over the size limit",
						"{\"category\":\"SCRIPT\",\"amount\":1,\"provider\":\"" + "p".repeat(200_000) + "\"}", 413),
				Arguments.of("units as fraction",
						"{\"category\":\"SCRIPT\",\"amount\":1,\"provider\":\"p\",\"units\":1.5}", 400),
				Arguments.of("NUL character", "{\"category\":\"SCRIPT\",\"amount\":1,\"provider\":\"a\\u0000b\"}", 400),
				Arguments.of("unpaired surrogate", "{\"category\":\"SCRIPT\",\"amount\":1,\"provider\":\"a\\ud800b\"}",
						400),
				Arguments.of("right-to-left override and emoji",
						"{\"category\":\"SCRIPT\",\"amount\":1,\"provider\":\"\\u202e\\ud83c\\udfac\"}", 201));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badCostBodies")
	void badCostInputGetsAProblemNotAServerError(String description, String body, int expectedStatus) {
		WebTestClient.ResponseSpec response = this.operator.client()
			.post()
			.uri("/api/v1/videos/" + this.videoId + "/costs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(expectedStatus);
		if (expectedStatus >= 400) {
			response.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class)
				.value((problem) -> assertThat(problem).doesNotContain("Exception").doesNotContain("at com."));
		}
	}

	static Stream<Arguments> badChannelBodies() {
		return Stream.of(Arguments.of("quota zero", "{\"name\":\"n\",\"niche\":\"n\",\"dailyVideoQuota\":0}"),
				Arguments.of("quota as text", "{\"name\":\"n\",\"niche\":\"n\",\"dailyVideoQuota\":\"many\"}"),
				Arguments.of("quota null", "{\"name\":\"n\",\"niche\":\"n\",\"dailyVideoQuota\":null}"),
				Arguments.of("quota overflow", "{\"name\":\"n\",\"niche\":\"n\",\"dailyVideoQuota\":99999999999999}"),
				Arguments.of("blank name", "{\"name\":\"  \",\"niche\":\"n\",\"dailyVideoQuota\":1}"),
				Arguments.of("negative cap",
						"{\"name\":\"n\",\"niche\":\"n\",\"dailyVideoQuota\":1,\"costCapPerVideo\":-1}"),
				Arguments.of("name too long",
						"{\"name\":\"" + "n".repeat(101) + "\",\"niche\":\"n\",\"dailyVideoQuota\":1}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badChannelBodies")
	void badChannelInputGetsBadRequest(String description, String body) {
		this.operator.post("/api/v1/channels", body)
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void scheduleWithBadDateOrUnknownChannelIsRefused() {
		this.operator.post("/api/v1/videos",
				"{\"channelId\":\"c\",\"title\":\"t\",\"topic\":\"t\",\"publishAt\":\"tomorrow\",\"targetLengthSeconds\":60}")
			.expectStatus()
			.isBadRequest();
		this.operator.post("/api/v1/videos",
				"{\"channelId\":\"no-such-channel\",\"title\":\"t\",\"topic\":\"t\",\"publishAt\":\"2026-12-01T00:00:00Z\",\"targetLengthSeconds\":60}")
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("There is no channel with id no-such-channel");
	}

	@Test
	void wrongContentTypeIsUnsupported() {
		this.operator.client()
			.post()
			.uri("/api/v1/videos/" + this.videoId + "/costs")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("amount=1")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
	}

	@Test
	void unknownIdsAreNotFound() {
		this.operator.post("/api/v1/videos/" + "x".repeat(300) + "/cancel", "{}").expectStatus().isNotFound();
		this.operator.post("/api/v1/channels/%2e%2e%2fadmin/pause", "{}").expectStatus().is4xxClientError();
	}

	@Test
	void unknownRouteIsNotAServerError() {
		this.operator.client()
			.get()
			.uri("/api/v1/nothing-here")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isBetween(400, 499));
	}

}
