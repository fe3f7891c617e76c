package com.ytempire.app;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default, text, log format: a request's lines name its id, other lines name none,
 * and the start of each line stays what CI searches the test logs for.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TextLogTest {

	@LocalServerPort
	int port;

	@Test
	void aRefusalIsOneTextLineThatNamesTheRequest(CapturedOutput output) {
		String id = "text-" + UUID.randomUUID();
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/api/v1/overview")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-key-" + id)
			.header("X-Request-Id", id)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-Request-Id", id);

		List<String> lines = output.getOut().lines().toList();
		assertThat(lines).filteredOn((line) -> line.contains(id))
			.singleElement()
			.satisfies((line) -> assertThat(line).matches("^[0-9TZ:.+-]+ +WARN .*")
				.contains("[" + id + "] ytempire.audit")
				.contains("Refused 401 GET /api/v1/overview from 127.0.0.1 with key -: unknown API key")
				.doesNotContain("not-a-key"));
		assertThat(lines).noneSatisfy((line) -> assertThat(line).contains("] [] "));
	}

}
