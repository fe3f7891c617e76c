package com.ytempire.app.hardening;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.ytempire.app.TestKeys;
import com.ytempire.app.YtEmpireApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More load than the service is sized for: it sheds the excess with 503 and
 * {@code Retry-After} at once, answers every request, and serves normally once the load
 * is gone. The application runs here with tiny bounds (one query at a time, two command
 * threads with a queue of two, five feed subscribers) so that loopback traffic from one
 * test overloads it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = YtEmpireApplication.class,
		properties = { "ytempire.data-dir=target/it-data/${random.uuid}", "ytempire.database.embedded.durable=false",
				"ytempire.security.api-keys=" + HardeningKeys.CONFIGURATION, "ytempire.query.max-concurrent=1",
				"ytempire.query.max-feed-subscribers=5", "ytempire.commands.threads=2", "ytempire.commands.queue=2" })
@ExtendWith(OutputCaptureExtension.class)
class OverloadTest {

	private static final int BURST = 300;

	@LocalServerPort
	int port;

	@Test
	void excessQueriesAndCommandsAreShedAndServiceRecovers(CapturedOutput output) throws Exception {
		Http http = new Http(this.port);
		List<Http.Call> calls = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			calls.add((i % 2 == 0) ? Http.Call.of("GET", "/api/v1/channels?limit=50", TestKeys.VIEWER)
					: Http.Call.of("POST", "/api/v1/channels", TestKeys.OPERATOR)
						.json("{\"name\":\"Load " + UUID.randomUUID() + "\",\"niche\":\"n\",\"dailyVideoQuota\":1}"));
		}
		List<CompletableFuture<Http.Answer>> pending = calls.stream().map(http::sendAsync).toList();
		List<Http.Answer> answers = new ArrayList<>();
		for (CompletableFuture<Http.Answer> answer : pending) {
			answers.add(answer.join());
		}
		assertThat(answers).as("every request is answered").hasSize(BURST);
		assertThat(answers).extracting(Http.Answer::status).containsOnly(200, 201, 503);
		List<Http.Answer> shedQueries = shed(answers, calls, "GET");
		List<Http.Answer> shedCommands = shed(answers, calls, "POST");
		assertThat(shedQueries).as("queries shed").isNotEmpty();
		assertThat(shedCommands).as("commands shed").isNotEmpty();
		for (Http.Answer answer : answers) {
			if (answer.status() == 503) {
				assertThat(answer.contentType()).startsWith("application/problem+json");
				assertThat(answer.retryAfter()).isEqualTo("1");
			}
		}
		assertThat(shedQueries.get(0).body()).contains("as many queries as it can");
		assertThat(shedCommands.get(0).body()).contains("as many commands as it can");
		servesNormally(http);
		// A shed command is a warning line, never a stack trace on standard error.
		assertThat(output.getErr()).as("shedding is not an error to report")
			.doesNotContain("RejectedExecutionException");
	}

	@Test
	void feedSubscribersAreBoundedAndReleasedWhenClientsLeave() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (int round = 0; round < 2; round++) {
			List<HttpResponse<InputStream>> open = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				HttpResponse<InputStream> feed = client.send(feed(), HttpResponse.BodyHandlers.ofInputStream());
				assertThat(feed.statusCode()).isEqualTo(200);
				open.add(feed);
			}
			Http.Answer refused = new Http(this.port).send(Http.Call.of("GET", "/api/v1/feed", TestKeys.VIEWER));
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			for (HttpResponse<InputStream> feed : open) {
				feed.body().close();
			}
			awaitFeedAccepted(client);
		}
	}

	/**
	 * Clients that left free their places; the server notices a closed connection soon.
	 */
	private void awaitFeedAccepted(HttpClient client) throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			HttpResponse<InputStream> feed = client.send(feed(), HttpResponse.BodyHandlers.ofInputStream());
			feed.body().close();
			if (feed.statusCode() == 200) {
				Thread.sleep(200);
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The feed never accepted a subscriber again after its clients left");
	}

	private HttpRequest feed() {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/feed"))
			.header("Authorization", "Bearer " + TestKeys.VIEWER)
			.build();
	}

	private static List<Http.Answer> shed(List<Http.Answer> answers, List<Http.Call> calls, String method) {
		List<Http.Answer> shed = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			if (calls.get(i).method().equals(method) && answers.get(i).status() == 503) {
				shed.add(answers.get(i));
			}
		}
		return shed;
	}

	private static void servesNormally(Http http) throws Exception {
		for (int i = 0; i < 20; i++) {
			assertThat(http.send(Http.Call.of("GET", "/api/v1/overview", TestKeys.VIEWER)).status()).isEqualTo(200);
			Http.Answer created = http.send(Http.Call.of("POST", "/api/v1/channels", TestKeys.OPERATOR)
				.json("{\"name\":\"After " + UUID.randomUUID() + "\",\"niche\":\"n\",\"dailyVideoQuota\":1}"));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
	}

}
