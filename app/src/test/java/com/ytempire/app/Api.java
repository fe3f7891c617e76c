package com.ytempire.app;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client of the running application's HTTP API, signed in with one API key.
 */
public final class Api {

	private final WebTestClient client;

	private Api(WebTestClient client) {
		this.client = client;
	}

	public static Api at(int port, String apiKey) {
		return new Api(WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
			.build());
	}

	public WebTestClient client() {
		return this.client;
	}

	public WebTestClient.ResponseSpec post(String path, Object body) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	public String createChannel(String name, int dailyQuota) {
		return created("/api/v1/channels", Map.of("name", name, "niche", "tech", "dailyVideoQuota", dailyQuota));
	}

	public String scheduleVideo(String channelId, String publishAt) {
		return scheduleVideo(channelId, publishAt, 60);
	}

	public String scheduleVideo(String channelId, String publishAt, int targetLengthSeconds) {
		return created("/api/v1/videos", Map.of("channelId", channelId, "title", "How to test", "topic", "testing",
				"publishAt", publishAt, "targetLengthSeconds", targetLengthSeconds));
	}

	/** Posts what must be created and answers its id. */
	public String created(String path, Object body) {
		return idOf(post(path, body).expectStatus().isCreated());
	}

	@SuppressWarnings("unchecked")
	private static String idOf(WebTestClient.ResponseSpec response) {
		return (String) response.expectBody(Map.class).returnResult().getResponseBody().get("id");
	}

}
