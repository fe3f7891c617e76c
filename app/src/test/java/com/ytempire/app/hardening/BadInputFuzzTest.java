package com.ytempire.app.hardening;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed and hostile requests to every route over real HTTP: none may get
 * a 5xx, none may show a stack trace or an exception's class name, every 4xx is an RFC
 * 7807 problem, and afterwards the service still takes commands and answers queries.
 * <p>
 * {@code -Dhardening.fuzz.requests=100000} makes a long run;
 * {@code -Dhardening.fuzz.seed} replays one. The figures are printed as a line starting
 * with {@code FUZZ}.
 */
@IntegrationTest
class BadInputFuzzTest {

	private static final int REQUESTS = Integer.getInteger("hardening.fuzz.requests", 1500);

	private static final long SEED = Long.getLong("hardening.fuzz.seed", System.nanoTime());

	private static final int CONCURRENCY = 8;

	private static final int FEED_SUBSCRIBERS = 300;

	/** What a stack trace or a leaked exception looks like in a body. */
	private static final Pattern LEAK = Pattern.compile(
			"Exception|\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+|java\\.lang\\.|org\\.springframework\\.|tools\\.jackson");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void hostileRequestsGetProblemsNeverServerErrors() throws Exception {
		Api operator = Api.at(this.port, TestKeys.OPERATOR);
		String channelId = operator.createChannel("Fuzz " + SEED, 1000);
		String videoId = operator.scheduleVideo(channelId, "2026-12-20T10:00:00Z");
		Set<String> routes = Routes.of(this.context);
		HostileRequests requests = new HostileRequests(SEED, List.copyOf(routes), List.of(channelId, videoId));
		Http http = new Http(this.port);
		Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		Semaphore inFlight = new Semaphore(CONCURRENCY);
		List<CompletableFuture<Void>> all = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			Http.Call call = requests.next();
			inFlight.acquire();
			all.add(http.sendAsync(call).handle((answer, error) -> {
				inFlight.release();
				if (error != null) {
					byStatus.computeIfAbsent(-1, (s) -> new AtomicInteger()).incrementAndGet();
					failures.add("no answer (" + error + ") to " + call);
				}
				else {
					byStatus.computeIfAbsent(answer.status(), (s) -> new AtomicInteger()).incrementAndGet();
					check(call, answer, failures);
				}
				return null;
			}));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
		System.out.println("FUZZ seed=" + SEED + " requests=" + REQUESTS + " by status=" + new TreeMap<>(byStatus));
		assertThat(failures).as("seed " + SEED).isEmpty();
		stillServes(operator, channelId);
	}

	@Test
	void feedAbuseLeavesTheServiceServing() throws Exception {
		Http http = new Http(this.port);
		HttpClient client = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<InputStream>>> subscribers = new ArrayList<>();
		for (int i = 0; i < FEED_SUBSCRIBERS; i++) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/feed?kinds=stage,cost"))
				.header("Authorization", "Bearer " + TestKeys.VIEWER);
			if (i % 3 == 0) {
				request.header("Last-Event-ID", Integer.toString(i));
			}
			subscribers.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		for (CompletableFuture<HttpResponse<InputStream>> subscriber : subscribers) {
			HttpResponse<InputStream> response = subscriber.join();
			assertThat(response.statusCode()).isEqualTo(200);
			// The client goes away without a word.
			response.body().close();
		}
		for (String lastEventId : List.of("-1", "abc", "1e5", "9".repeat(40), "1.5", "0x10", " 1 2 ")) {
			Http.Answer answer = http.send(Http.Call.of("GET", "/api/v1/feed", TestKeys.VIEWER)
				.withBody(null, Map.of("Last-Event-ID", lastEventId), false));
			assertThat(answer.status()).as(lastEventId).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}
		Api operator = Api.at(this.port, TestKeys.OPERATOR);
		stillServes(operator, operator.createChannel("After feeds " + SEED, 1));
	}

	private static void check(Http.Call call, Http.Answer answer, ConcurrentLinkedQueue<String> failures) {
		String seen = answer.status() + " " + answer.contentType() + " "
				+ answer.body().substring(0, Math.min(300, answer.body().length())) + " for " + call;
		if (answer.status() >= 500) {
			failures.add("server error: " + seen);
		}
		if (LEAK.matcher(answer.body()).find()) {
			failures.add("leaks internals: " + seen);
		}
		if (answer.status() >= 400 && answer.status() < 500 && !call.method().equals("HEAD")
				&& !answer.contentType().startsWith("application/problem+json") && !refusedByHttpParser(call, answer)) {
			failures.add("4xx without a problem: " + seen);
		}
	}

	/**
	 * Reactor Netty refuses a request line that is too long or not a URI, and headers
	 * over its size limit, before any of the application's code runs, with an empty 414,
	 * 431 or 400 that nothing can shape.
	 */
	private static boolean refusedByHttpParser(Http.Call call, Http.Answer answer) {
		boolean badRequestLine = call.rawPath().length() > 4000 || !isUri(call.rawPath());
		boolean hugeHeaders = call.headers().values().stream().mapToInt(String::length).sum() > 4000;
		return (badRequestLine || hugeHeaders) && answer.body().isEmpty()
				&& Set.of(400, 414, 431).contains(answer.status());
	}

	private static boolean isUri(String rawPath) {
		try {
			URI.create(rawPath);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void stillServes(Api operator, String channelId) {
		Map<String, Object> created = operator
			.post("/api/v1/channels",
					Map.of("name", "After fuzz " + UUID.randomUUID(), "niche", "tech", "dailyVideoQuota", 1))
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		operator.client()
			.get()
			.uri("/api/v1/channels/{id}?minPosition={p}", created.get("id"), created.get("position"))
			.exchange()
			.expectStatus()
			.isOk();
		operator.client().get().uri("/api/v1/channels/{id}", channelId).exchange().expectStatus().isOk();
	}

}
