package com.ytempire.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that sends its requests one after another over a single pooled connection gets
 * every answer: a command answered from a command thread, then a refusal decided at once,
 * then anything else; and it keeps that connection. Reactor Netty before 1.3.8 stopped
 * reading such a connection after a queued request was answered at once (reactor-netty
 * issue 4361); closing every connection was the workaround this test now rules out.
 */
@IntegrationTest
class HttpConnectionTest {

	@LocalServerPort
	int port;

	@Test
	void aClientOnOnePooledConnectionGetsEveryAnswerAndKeepsItsConnection() {
		ConnectionProvider oneConnection = ConnectionProvider.create("one-connection", 1);
		AtomicInteger connectionsOpened = new AtomicInteger();
		try {
			HttpClient httpClient = HttpClient.create(oneConnection)
				.doOnChannelInit((observer, channel, address) -> connectionsOpened.incrementAndGet());
			WebTestClient client = WebTestClient.bindToServer(new ReactorClientHttpConnector(httpClient))
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
			assertThat(connectionsOpened).as("connections opened for 150 requests in a row").hasValue(1);
		}
		finally {
			oneConnection.dispose();
		}
	}

}
