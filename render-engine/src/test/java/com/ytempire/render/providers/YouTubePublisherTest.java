package com.ytempire.render.providers;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import com.ytempire.api.video.CostCategory;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Publication;
import com.ytempire.render.content.VideoMetadata;
import com.ytempire.render.providers.FakeServer.Reply;
import com.ytempire.render.providers.FakeUploadSession.Break;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class YouTubePublisherTest {

	private static final String CLIENT_SECRET = "GOCSPX-client-secret-51f0";

	private static final String REFRESH_TOKEN = "1//0refresh-token-9c3e";

	private static final String ACCESS_TOKEN = "ya29.access-token-7a1b";

	private static final String START_PATH = "/upload/youtube/v3/videos";

	private static final String SESSION_PATH = "/upload/session/xa298sd";

	private static final String VIDEO_ID = "dQw4w9WgXcQ";

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static final int SIZE = 3 * 1024 * 1024 + 17;

	@TempDir
	Path folder;

	private FakeServer server;

	private Path video;

	private byte[] videoBytes;

	@BeforeEach
	void start() throws IOException {
		this.server = FakeServer.start();
		this.videoBytes = new byte[SIZE];
		new Random(7).nextBytes(this.videoBytes);
		this.video = Files.write(this.folder.resolve("v1.mp4"), this.videoBytes);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void uploadsAScheduledVideoPrivatelyWithItsPublishTime() throws IOException {
		givenToken();
		givenSessionStart();
		FakeUploadSession session = new FakeUploadSession(SIZE, VIDEO_ID, Break.DROP_CONNECTION, 0, 0);
		this.server.onRaw(SESSION_PATH, session);

		Priced<Publication> published = publisher(Duration.ofSeconds(5)).publish(this.video,
				metadata(NOW.plus(Duration.ofDays(1))), new KeptProgress());

		assertThat(published.value().location()).isEqualTo("https://www.youtube.com/watch?v=" + VIDEO_ID);
		assertThat(published.value().externalId()).isEqualTo(VIDEO_ID);
		assertThat(published.value().location()).isEqualTo(YouTubeWatchUrl.of(VIDEO_ID));
		assertThat(published.value().video()).isEqualTo(this.video);
		assertThat(published.cost().category()).isEqualTo(CostCategory.PUBLISH);
		assertThat(published.cost().microDollars()).isZero();
		assertThat(session.received()).isEqualTo(this.videoBytes);
		assertThat(session.contentRanges()).containsExactly("");
		assertThat(session.authorizations()).containsExactly("Bearer " + ACCESS_TOKEN);

		FakeServer.Request token = request("/token");
		assertThat(token.method()).isEqualTo("POST");
		assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(form(token.text())).isEqualTo(Map.of("grant_type", "refresh_token", "client_id", "client-1",
				"client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN));

		FakeServer.Request start = request(START_PATH);
		assertThat(start.method()).isEqualTo("POST");
		assertThat(start.uri().getQuery()).isEqualTo("uploadType=resumable&part=snippet,status");
		assertThat(start.header("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
		assertThat(start.header("X-Upload-Content-Length")).isEqualTo(Integer.toString(SIZE));
		assertThat(start.header("X-Upload-Content-Type")).isEqualTo("video/mp4");
		JsonNode resource = start.json();
		assertThat(resource.path("snippet").path("title").asText()).isEqualTo("Volcanoes explained");
		assertThat(resource.path("snippet").path("description").asText()).isEqualTo("How volcanoes form.");
		assertThat(resource.path("snippet").path("tags")).extracting(JsonNode::asText)
			.containsExactly("volcanoes", "geology");
		assertThat(resource.path("snippet").path("categoryId").asText()).isEqualTo("27");
		assertThat(resource.path("status").path("privacyStatus").asText()).isEqualTo("private");
		assertThat(resource.path("status").path("publishAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
	}

	@Test
	void aVideoWhosePublishTimeHasPassedGoesUpPublic() throws IOException {
		givenToken();
		givenSessionStart();
		this.server.onRaw(SESSION_PATH, new FakeUploadSession(SIZE, VIDEO_ID, Break.DROP_CONNECTION, 0, 0));

		publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW.minus(Duration.ofMinutes(1))),
				new KeptProgress());

		JsonNode status = request(START_PATH).json().path("status");
		assertThat(status.path("privacyStatus").asText()).isEqualTo("public");
		assertThat(status.has("publishAt")).isFalse();
	}

	@Test
	void resumesADroppedUploadFromTheRangeTheServerHolds() throws IOException {
		givenToken();
		givenSessionStart();
		FakeUploadSession session = new FakeUploadSession(SIZE, VIDEO_ID, Break.DROP_CONNECTION, 1_000_003, 1);
		this.server.onRaw(SESSION_PATH, session);

		Priced<Publication> published = publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW),
				new KeptProgress());

		assertThat(published.value().location()).endsWith(VIDEO_ID);
		assertThat(session.received()).isEqualTo(this.videoBytes);
		assertThat(session.contentRanges()).containsExactly("", "bytes */" + SIZE,
				"bytes 1000003-" + (SIZE - 1) + "/" + SIZE);
		assertThat(session.queryLengths()).containsExactly("0");
		assertThat(session.authorizations()).containsOnly("Bearer " + ACCESS_TOKEN);
	}

	@Test
	void resumesAfterAServerErrorMidUpload() throws IOException {
		givenToken();
		givenSessionStart();
		FakeUploadSession session = new FakeUploadSession(SIZE, VIDEO_ID, Break.SERVER_ERROR, 524_288, 2);
		this.server.onRaw(SESSION_PATH, session);

		publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress());

		assertThat(session.received()).isEqualTo(this.videoBytes);
		assertThat(session.contentRanges()).containsExactly("", "bytes */" + SIZE,
				"bytes 524288-" + (SIZE - 1) + "/" + SIZE, "bytes */" + SIZE,
				"bytes 1048576-" + (SIZE - 1) + "/" + SIZE);
	}

	@Test
	void resumesAreBoundedAndTheStageCanBeRetried() throws IOException {
		givenToken();
		givenSessionStart();
		this.server.onRaw(SESSION_PATH, new FakeUploadSession(SIZE, VIDEO_ID, Break.DROP_CONNECTION, 100_000, 99));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessageStartingWith("YouTube upload of v1.mp4 was still incomplete after 2 resumes; last: ")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void expiredUploadSessionIsRetryableSoTheStageStartsANewOne() throws IOException {
		givenToken();
		givenSessionStart();
		this.server.on(SESSION_PATH, (request) -> Reply.json(404, "{\"error\": {\"message\": \"Not Found\"}}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessage("YouTube upload session expired (404)")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void refusedRefreshTokenIsPermanentAndNoSecretIsShown() {
		this.server.on("/token", (request) -> Reply.json(400,
				"{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessage("Google OAuth answered 400: invalid_grant (Token has been expired or revoked.)")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void tokenServerOutageIsRetryable() {
		this.server.on("/token", (request) -> Reply.json(503, "{\"error\": \"temporarily_unavailable\"}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessage("Google OAuth answered 503: temporarily_unavailable")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void unauthorizedSessionStartIsPermanentAndNoSecretIsShown() {
		givenToken();
		this.server.on(START_PATH, (request) -> Reply.json(401, "{\"error\": {\"code\": 401, \"message\": "
				+ "\"Invalid Credentials for " + CLIENT_SECRET + " and " + REFRESH_TOKEN + "\"}}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessage("YouTube answered 401: Invalid Credentials for [redacted] and [redacted]")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void rateLimitedSessionStartCarriesTheWait() {
		givenToken();
		this.server.on(START_PATH, (request) -> new Reply(429, Map.of("Retry-After", "30"), new byte[0]));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessage("YouTube answered 429")
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(30)));
	}

	@Test
	void serverErrorAtSessionStartIsRetryable() {
		givenToken();
		this.server.on(START_PATH, (request) -> Reply.json(500, "{\"error\": {\"message\": \"Backend Error\"}}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessage("YouTube answered 500: Backend Error")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void silentSessionStartTimesOutAsRetryable() {
		givenToken();
		this.server.silentOn(START_PATH);

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofMillis(300)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessage("YouTube did not answer within 300 ms")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void sessionStartWithoutAnAddressIsPermanent() {
		givenToken();
		this.server.on(START_PATH, (request) -> Reply.json(200, "{}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessage("YouTube answered no upload session address (Location) for 'Volcanoes explained'")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void malformedFinalAnswerIsPermanent() {
		givenToken();
		givenSessionStart();
		this.server.on(SESSION_PATH, (request) -> Reply.json(200, "{\"kind\": \"youtube#video\", \"id\""));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> publisher(Duration.ofSeconds(5)).publish(this.video, metadata(NOW), new KeptProgress()))
			.withMessageStartingWith("YouTube answered malformed JSON")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void theAccessTokenIsReusedUntilItExpires() {
		givenToken();
		givenSessionStart();
		this.server.on(SESSION_PATH, (request) -> Reply.json(201, "{\"id\": \"" + VIDEO_ID + "\"}"));
		YouTubePublisher publisher = publisher(Duration.ofSeconds(5));

		publisher.publish(this.video, metadata(NOW), new KeptProgress());
		publisher.publish(this.video, metadata(NOW), new KeptProgress());

		assertThat(this.server.requests()).extracting((request) -> request.uri().getPath())
			.containsExactly("/token", START_PATH, SESSION_PATH, START_PATH, SESSION_PATH);
	}

	private void givenToken() {
		this.server.on("/token", (request) -> Reply.json(200,
				"{\"access_token\": \"" + ACCESS_TOKEN + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}"));
	}

	private void givenSessionStart() {
		this.server.on(START_PATH, (request) -> new Reply(200,
				Map.of("Location", this.server.baseUrl() + SESSION_PATH + "?upload_id=x1"), new byte[0]));
	}

	private YouTubePublisher publisher(Duration timeout) {
		YouTubeSettings settings = new YouTubeSettings(this.server.baseUrl(), this.server.baseUrl(), "client-1",
				CLIENT_SECRET, REFRESH_TOKEN, YouTubeSettings.DEFAULT_CATEGORY_ID, timeout, Duration.ofSeconds(10), 2,
				Duration.ofMillis(10), 0);
		return new YouTubePublisher(settings, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static VideoMetadata metadata(Instant publishAt) {
		return new VideoMetadata("v1", "Volcanoes explained", "How volcanoes form.", List.of("volcanoes", "geology"),
				publishAt);
	}

	private FakeServer.Request request(String path) {
		return this.server.requests()
			.stream()
			.filter((request) -> request.uri().getPath().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no request to " + path));
	}

	private static Map<String, String> form(String body) {
		return Arrays.stream(body.split("&"))
			.map((field) -> field.split("=", 2))
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
	}

}
