package com.ytempire.app;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client that sends its requests one after another over a single pooled connection gets
 * every answer: a command answered from a command thread, then a refusal decided at once,
 * then anything else.
 */
@IntegrationTest
class HttpConnectionTest {

	@LocalServerPort
	int port;

	@Test
	void aClientOnOnePooledConnectionGetsEveryAnswer() {
		ConnectionProvider oneConnection = ConnectionProvider.create("one-connection", 1);
		try {
			WebTestClient client = WebTestClient
				.bindToServer(new ReactorClientHttpConnector(HttpClient.create(oneConnection)))
				.baseUrl("http://localhost:" + this.port)
				.responseTimeout(Duration.ofSeconds(10))
				.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.OPERATOR)
				.build();
			for (int round = 0; round < 50; round++) {
				client.post()
					.uri("/api/v1/channels")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("name", CommandApiTest.uniqueName("Pooled"), "niche", "n", "dailyVideoQuota", 1))
					.exchange()
					.expectStatus()
					.isCreated();
				client.post()
					.uri("/api/v1/admin/rebuild")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{}")
					.exchange()
					.expectStatus()
					.isForbidden();
				client.get().uri("/api/v1/nothing-here").exchange().expectStatus().isNotFound();
			}
		}
		finally {
			oneConnection.dispose();
		}
	}

}
