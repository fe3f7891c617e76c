package com.ytempire.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * An open-model HTTP load: requests leave at a fixed rate whatever the answers do, taking
 * the targets in turn, and each latency runs from the moment the request was due to be
 * sent. A slow answer therefore also counts the wait it caused for the requests behind
 * it, which a closed loop of clients would hide.
 */
final class FixedRateLoad {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUrl;

	private final String key;

	private final AtomicLong failures = new AtomicLong();

	FixedRateLoad(String baseUrl, String key) {
		this.baseUrl = baseUrl;
		this.key = key;
	}

	/** Latencies per target, in the order the targets were given. */
	Map<String, Latencies> run(List<Target> targets, int perSecond, Duration duration) throws Exception {
		Map<String, Queue<Long>> measured = new LinkedHashMap<>();
		targets.forEach((target) -> measured.put(target.name(), new ConcurrentLinkedQueue<>()));
		long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long requests = duration.toSeconds() * perSecond;
		List<CompletableFuture<?>> answers = new ArrayList<>();
		long start = System.nanoTime();
		for (long i = 0; i < requests; i++) {
			long due = start + i * period;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			Target target = targets.get((int) (i % targets.size()));
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + target.path().get()))
				.header("Authorization", "Bearer " + this.key)
				.build();
			answers
				.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, error) -> {
					measured.get(target.name()).add(System.nanoTime() - due);
					if (error != null || response.statusCode() != 200) {
						this.failures.incrementAndGet();
					}
					return null;
				}));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
		Map<String, Latencies> latencies = new LinkedHashMap<>();
		measured.forEach((name, nanos) -> latencies.put(name, new Latencies(nanos)));
		List<Long> all = new ArrayList<>();
		measured.values().forEach(all::addAll);
		latencies.put("all", new Latencies(all));
		return latencies;
	}

	/** Answers that were not 200, or no answer at all. */
	long failures() {
		return this.failures.get();
	}

	/** One kind of request; the path may differ on each call, for example by channel. */
	record Target(String name, Supplier<String> path) {
	}

}
