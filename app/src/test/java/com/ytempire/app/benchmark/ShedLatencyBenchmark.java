package com.ytempire.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.ytempire.app.YtEmpireApplication;
import org.axonframework.messaging.timeout.AxonTaskJanitor;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the service sheds load it cannot serve: many closed-loop clients against a
 * service with small bounds (4 concurrent queries; 2 command threads with a queue of 4),
 * latency per answer status, then whether normal requests succeed right after.
 * <p>
 * {@code mvn -B -Pbenchmark -pl app -am verify -DskipTests -Dbenchmark.class=ShedLatencyBenchmark}
 * ({@code -Dbenchmark.clients=64 -Dbenchmark.seconds=15}).
 */
public final class ShedLatencyBenchmark {

	private static final String KEY = "benchmark-shed-key-0123456789abcdef";

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	private ShedLatencyBenchmark(int port) {
		this.port = port;
	}

	public static void main(String[] args) throws Exception {
		int clients = Integer.getInteger("benchmark.clients", 64);
		Duration phase = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));
		Path dataDirectory = Files.createTempDirectory("ytempire-benchmark");
		String[] arguments = { "--server.port=0", "--ytempire.data-dir=" + dataDirectory,
				"--ytempire.security.api-keys=benchmark:operator:" + KEY, "--logging.level.root=WARN",
				"--ytempire.query.max-concurrent=4", "--ytempire.commands.threads=2", "--ytempire.commands.queue=4" };
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YtEmpireApplication.class)
			.run(arguments)) {
			ShedLatencyBenchmark benchmark = new ShedLatencyBenchmark(
					((WebServerApplicationContext) app).getWebServer().getPort());
			for (int i = 0; i < 200; i++) {
				benchmark.send(benchmark.createChannel());
			}
			System.out.printf("%n%d clients, %d s per phase, %d cores%n%n", clients, phase.toSeconds(),
					Runtime.getRuntime().availableProcessors());
			System.out.println("| phase | status | answers | p50 ms | p99 ms | max ms |");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
			benchmark.run("queries", clients, phase, benchmark::query);
			benchmark.run("commands", clients, phase, benchmark::createChannel);
			Map<Integer, Integer> after = new TreeMap<>();
			for (int i = 0; i < 50; i++) {
				after.merge(benchmark.send(benchmark.query()).statusCode(), 1, Integer::sum);
				after.merge(benchmark.send(benchmark.createChannel()).statusCode(), 1, Integer::sum);
			}
			System.out.println("\nRight after the load, 50 queries and 50 commands one at a time: " + after);
		}
		AxonTaskJanitor.INSTANCE.shutdownNow();
	}

	private void run(String name, int clients, Duration phase, Supplier<HttpRequest> requests) throws Exception {
		Map<Integer, ConcurrentLinkedQueue<Long>> byStatus = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			long deadline = System.nanoTime() + phase.toNanos();
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				workers.add(pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						long start = System.nanoTime();
						int status = send(requests.get()).statusCode();
						byStatus.computeIfAbsent(status, (s) -> new ConcurrentLinkedQueue<>())
							.add(System.nanoTime() - start);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdown();
		}
		new TreeMap<>(byStatus).forEach((status, latencies) -> {
			long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("| %s | %d | %d | %.2f | %.2f | %.2f |%n", name, status, sorted.length,
					percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
		});
	}

	private HttpRequest query() {
		return request("/api/v1/channels?limit=50").GET().build();
	}

	private HttpRequest createChannel() {
		return request("/api/v1/channels").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"name\":\"Shed " + UUID.randomUUID() + "\",\"niche\":\"n\",\"dailyVideoQuota\":1}"))
			.build();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + KEY)
			.timeout(Duration.ofSeconds(60));
	}

	private HttpResponse<Void> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception ex) {
			throw new IllegalStateException("No answer to " + request.uri(), ex);
		}
	}

	private static double percentile(long[] sorted, double fraction) {
		int index = Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1);
		return sorted[Math.max(index, 0)] / 1e6;
	}

}
