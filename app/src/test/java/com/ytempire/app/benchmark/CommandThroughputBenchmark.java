package com.ytempire.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.ytempire.api.channel.ChannelSettings;
import com.ytempire.api.channel.CreateChannelCommand;
import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.RecordCostCommand;
import com.ytempire.api.video.ScheduleVideoCommand;
import com.ytempire.app.YtEmpireApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.timeout.AxonTaskJanitor;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Commands per second stored durably, on the embedded default (fsync and
 * synchronous_commit on), through the command gateway and through the HTTP API, from 1
 * and from 16 concurrent clients. Each command records one cost on a video picked at
 * random among many, so clients rarely wait for one another's aggregate. A last pair of
 * rows reads a video's detail from the query API, to see what the metrics cost a read.
 * Run with {@code mvn -B -Pbenchmark -pl app -am verify -DskipTests}.
 */
public final class CommandThroughputBenchmark {

	private static final String KEY = "benchmark-key-0123456789abcdef";

	private static final int CHANNELS = 20;

	private static final int VIDEOS = 400;

	private final CommandGateway gateway;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	private final List<String> videos = new ArrayList<>();

	private final AtomicLong costIds = new AtomicLong();

	private CommandThroughputBenchmark(ConfigurableApplicationContext app) {
		this.gateway = app.getBean(CommandGateway.class);
		this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	public static void main(String[] args) throws Exception {
		Duration phase = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));
		Path dataDirectory = Files.createTempDirectory("ytempire-benchmark");
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ytempire.data-dir=" + dataDirectory,
				"--ytempire.security.api-keys=benchmark:operator:" + KEY, "--logging.level.root=WARN"));
		String extra = System.getProperty("benchmark.args", "").strip();
		if (!extra.isEmpty()) {
			arguments.addAll(List.of(extra.split("\\s+")));
		}
		System.out.println("Application arguments: " + String.join(" ", arguments.subList(3, arguments.size())));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YtEmpireApplication.class)
			.run(arguments.toArray(String[]::new))) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			CommandThroughputBenchmark benchmark = new CommandThroughputBenchmark(app);
			benchmark.seed();
			List<Result> results = new ArrayList<>();
			for (int clients : new int[] { 1, 16 }) {
				results.add(benchmark.measure("gateway", clients, phase, benchmark::viaGateway));
			}
			for (int clients : new int[] { 1, 16 }) {
				results.add(benchmark.measure("HTTP", clients, phase, benchmark::viaHttp));
			}
			benchmark.awaitReadModel();
			for (int clients : new int[] { 1, 16 }) {
				results.add(benchmark.measure("query", clients, phase, benchmark::viaQuery));
			}
			System.out.printf("%nPostgreSQL %s, fsync=%s, synchronous_commit=%s, %d cores, %d s per row%n%n",
					jdbc.queryForObject("SHOW server_version", String.class),
					jdbc.queryForObject("SHOW fsync", String.class),
					jdbc.queryForObject("SHOW synchronous_commit", String.class),
					Runtime.getRuntime().availableProcessors(), phase.toSeconds());
			System.out.println("| path | clients | requests | requests/s | p50 ms | p99 ms |");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
			results.forEach((result) -> System.out.println(result.row()));
		}
		// Axon's handler-timeout executor is static and its thread is not a daemon: left
		// running, it keeps the JVM (Maven's, under exec:java) alive after the benchmark.
		AxonTaskJanitor.INSTANCE.shutdownNow();
	}

	private void seed() {
		List<String> channels = new ArrayList<>();
		for (int i = 0; i < CHANNELS; i++) {
			String channelId = UUID.randomUUID().toString();
			this.gateway.sendAndWait(new CreateChannelCommand(channelId, "Benchmark " + channelId,
					new ChannelSettings("benchmarks", null, 1000, 1_000_000_000L, 0)));
			channels.add(channelId);
		}
		for (int i = 0; i < VIDEOS; i++) {
			String videoId = UUID.randomUUID().toString();
			this.gateway.sendAndWait(new ScheduleVideoCommand(videoId, channels.get(i % CHANNELS), "Benchmark video",
					"throughput", Instant.parse("2026-12-01T10:00:00Z"), "default", 60));
			this.videos.add(videoId);
		}
	}

	private void viaGateway(String videoId) {
		this.gateway.sendAndWait(new RecordCostCommand(videoId, "cost-" + this.costIds.incrementAndGet(),
				CostCategory.RENDER, 1, "benchmark", 1));
	}

	private void viaQuery(String videoId) {
		HttpResponse<String> response = get("/api/v1/videos/" + videoId);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Unexpected answer " + response.statusCode() + ": " + response.body());
		}
	}

	/** Every seeded video can be read once the projections have caught up. */
	private void awaitReadModel() throws InterruptedException {
		for (String videoId : this.videos) {
			while (get("/api/v1/videos/" + videoId).statusCode() != 200) {
				Thread.sleep(100);
			}
		}
	}

	private HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + KEY)
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void viaHttp(String videoId) {
		String body = "{\"costId\":\"cost-" + this.costIds.incrementAndGet()
				+ "\",\"category\":\"RENDER\",\"amount\":0.000001,\"provider\":\"benchmark\",\"units\":1}";
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/videos/" + videoId + "/costs"))
			.header("Authorization", "Bearer " + KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				throw new IllegalStateException("Unexpected answer " + response.statusCode() + ": " + response.body());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Result measure(String path, int clients, Duration phase, Command command) throws Exception {
		runClients(clients, Duration.ofSeconds(3), command);
		return new Result(path, clients, phase, runClients(clients, phase, command));
	}

	private long[] runClients(int clients, Duration duration, Command command) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			long deadline = System.nanoTime() + duration.toNanos();
			List<Future<long[]>> workers = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				workers.add(pool.submit(() -> {
					long[] latencies = new long[1024];
					int count = 0;
					while (System.nanoTime() < deadline) {
						String videoId = this.videos.get(ThreadLocalRandom.current().nextInt(this.videos.size()));
						long start = System.nanoTime();
						command.send(videoId);
						if (count == latencies.length) {
							latencies = Arrays.copyOf(latencies, count * 2);
						}
						latencies[count++] = System.nanoTime() - start;
					}
					return Arrays.copyOf(latencies, count);
				}));
			}
			List<long[]> all = new ArrayList<>();
			for (Future<long[]> worker : workers) {
				all.add(worker.get());
			}
			return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		}
		finally {
			pool.shutdown();
		}
	}

	@FunctionalInterface
	private interface Command {

		void send(String videoId);

	}

	private record Result(String path, int clients, Duration phase, long[] sortedLatencies) {

		String row() {
			int n = this.sortedLatencies.length;
			return String.format("| %s | %d | %d | %.0f | %.2f | %.2f |", this.path, this.clients, n,
					n / (double) this.phase.toSeconds(), percentile(0.50), percentile(0.99));
		}

		private double percentile(double fraction) {
			int index = Math.min(this.sortedLatencies.length - 1,
					(int) Math.ceil(fraction * this.sortedLatencies.length) - 1);
			return this.sortedLatencies[Math.max(index, 0)] / 1_000_000.0;
		}

	}

}
