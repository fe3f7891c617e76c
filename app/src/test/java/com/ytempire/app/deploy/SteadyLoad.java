package com.ytempire.app.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.net.ssl.SSLContext;

import com.ytempire.app.TestKeys;

/**
 * A client that keeps sending requests through nginx over HTTPS at a steady rate from a
 * few threads, over kept-alive connections: mostly reads that need a viewer key, and
 * every {@value #COMMAND_EVERY}th request a command that creates a channel. Any answer
 * but a 2xx, and any connection error or timeout, is a failure, remembered with the phase
 * it fell in.
 */
final class SteadyLoad implements AutoCloseable {

	private static final int THREADS = 8;

	private static final int COMMAND_EVERY = 20;

	private static final int FAILURES_DESCRIBED = 20;

	private static final String[] READS = { "/api/v1/channels?limit=5", "/api/v1/overview" };

	private final HttpClient client;

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	private final String base;

	private final long pauseNanos;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong commands = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final Queue<String> failures = new ConcurrentLinkedQueue<>();

	private volatile String phase = "warm-up";

	private volatile boolean running = true;

	private SteadyLoad(int nginxTlsPort, SSLContext tls, int requestsPerSecond) {
		this.base = "https://127.0.0.1:" + nginxTlsPort;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(tls)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.pauseNanos = TimeUnit.SECONDS.toNanos(1) * THREADS / requestsPerSecond;
	}

	static SteadyLoad start(int nginxTlsPort, SSLContext tls, int requestsPerSecond) {
		SteadyLoad load = new SteadyLoad(nginxTlsPort, tls, requestsPerSecond);
		for (int thread = 0; thread < THREADS; thread++) {
			load.threads.execute(load::sendUntilClosed);
		}
		return load;
	}

	/** Names the phase that later requests and failures belong to. */
	void enter(String phase) {
		this.phase = phase;
	}

	long sent() {
		return this.sent.get();
	}

	long commands() {
		return this.commands.get();
	}

	long failed() {
		return this.failed.get();
	}

	/** The first failures, described. */
	List<String> failures() {
		return new ArrayList<>(this.failures);
	}

	private void sendUntilClosed() {
		long next = System.nanoTime();
		while (this.running) {
			long number = this.sent.incrementAndGet();
			String phaseOfRequest = this.phase;
			HttpRequest request = (number % COMMAND_EVERY == 0) ? createChannel() : read(number);
			try {
				HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 != 2) {
					fail(phaseOfRequest, request, response.statusCode() + " " + response.body());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				// A refused or reset connection, or a timeout, is a request the switch
				// lost.
				fail(phaseOfRequest, request, ex.toString());
			}
			// A slow answer delays the thread's next request; it is not made up for by a
			// burst.
			next = Math.max(next + this.pauseNanos, System.nanoTime());
			LockSupport.parkNanos(next - System.nanoTime());
		}
	}

	private void fail(String phaseOfRequest, HttpRequest request, String outcome) {
		if (this.failed.incrementAndGet() <= FAILURES_DESCRIBED) {
			this.failures.add(phaseOfRequest + ": " + request.method() + " " + request.uri().getPath() + " -> "
					+ outcome.substring(0, Math.min(outcome.length(), 200)));
		}
	}

	private HttpRequest read(long number) {
		return HttpRequest.newBuilder(URI.create(this.base + READS[(int) (number % READS.length)]))
			.header("Authorization", "Bearer " + TestKeys.VIEWER)
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private HttpRequest createChannel() {
		this.commands.incrementAndGet();
		String body = "{\"name\":\"Load " + UUID.randomUUID()
				+ "\",\"niche\":\"technology\",\"dailyVideoQuota\":3,\"costCapPerVideo\":0.50}";
		return HttpRequest.newBuilder(URI.create(this.base + "/api/v1/channels"))
			.header("Authorization", "Bearer " + TestKeys.OPERATOR)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** Stops sending and waits for the requests in flight. */
	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.threads.shutdown();
		if (!this.threads.awaitTermination(60, TimeUnit.SECONDS)) {
			this.threads.shutdownNow();
		}
	}

}
