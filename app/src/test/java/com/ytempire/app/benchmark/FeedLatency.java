package com.ytempire.app.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.RecordCostCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import reactor.core.Disposable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How long a stored event takes to reach live-feed subscribers: many clients follow the
 * SSE feed while costs are recorded at a steady rate through the command gateway, and
 * each client notes when each cost arrives. Latency runs from the moment the command
 * returned (its transaction committed), and from the moment it was sent.
 */
final class FeedLatency {

	private static final Pattern COST_ID = Pattern.compile("\"costId\":\"([^\"]+)\"");

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private final WebClient client;

	private final CommandGateway gateway;

	private final List<String> videoIds;

	private final String prefix = "feed-" + System.nanoTime() + "-";

	private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

	private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();

	private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

	FeedLatency(String baseUrl, String key, CommandGateway gateway, List<String> videoIds) {
		this.client = WebClient.builder().baseUrl(baseUrl).defaultHeader("Authorization", "Bearer " + key).build();
		this.gateway = gateway;
		this.videoIds = videoIds;
	}

	Result run(int subscribers, int commandsPerSecond, Duration duration) {
		List<Disposable> subscriptions = new ArrayList<>();
		for (int i = 0; i < subscribers; i++) {
			subscriptions.add(this.client.get()
				.uri("/api/v1/feed?kinds=cost")
				.retrieve()
				.bodyToFlux(EVENT)
				.subscribe(this::arrived));
		}
		try {
			awaitEverySubscriber(subscribers);
			this.arrivals.clear();
			long period = TimeUnit.SECONDS.toNanos(1) / commandsPerSecond;
			long commands = duration.toSeconds() * commandsPerSecond;
			long start = System.nanoTime();
			for (long i = 0; i < commands; i++) {
				long wait = start + i * period - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				record(this.prefix + i);
			}
			LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
			return result(subscribers, commands);
		}
		finally {
			subscriptions.forEach(Disposable::dispose);
		}
	}

	/** One command sent before measuring, until every subscriber has seen it. */
	private void awaitEverySubscriber(int subscribers) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			String costId = this.prefix + "ready-" + System.nanoTime();
			record(costId);
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
			if (this.arrivals.stream().filter((arrival) -> arrival.costId().equals(costId)).count() == subscribers) {
				return;
			}
		}
		throw new IllegalStateException("Not every feed subscriber was receiving events after a minute");
	}

	private void record(String costId) {
		String videoId = this.videoIds.get(ThreadLocalRandom.current().nextInt(this.videoIds.size()));
		this.sentAt.put(costId, System.nanoTime());
		this.gateway.sendAndWait(new RecordCostCommand(videoId, costId, CostCategory.RENDER, 1, "benchmark", 1));
		this.acknowledgedAt.put(costId, System.nanoTime());
	}

	private void arrived(ServerSentEvent<String> event) {
		if (event.data() == null) {
			return;
		}
		Matcher costId = COST_ID.matcher(event.data());
		if (costId.find() && costId.group(1).startsWith(this.prefix)) {
			this.arrivals.add(new Arrival(costId.group(1), System.nanoTime()));
		}
	}

	private Result result(int subscribers, long commands) {
		List<Long> fromAcknowledged = new ArrayList<>();
		List<Long> fromSent = new ArrayList<>();
		for (Arrival arrival : this.arrivals) {
			Long acknowledged = this.acknowledgedAt.get(arrival.costId());
			if (acknowledged != null && !arrival.costId().contains("ready")) {
				fromAcknowledged.add(Math.max(0, arrival.nanos() - acknowledged));
				fromSent.add(arrival.nanos() - this.sentAt.get(arrival.costId()));
			}
		}
		return new Result(subscribers, commands, commands * subscribers, new Latencies(fromAcknowledged),
				new Latencies(fromSent));
	}

	private record Arrival(String costId, long nanos) {
	}

	/**
	 * @param expected deliveries if every subscriber got every event
	 * @param fromAcknowledged latency from the command's return; an event can arrive
	 * before the sender has been told, which counts as zero
	 */
	record Result(int subscribers, long commands, long expected, Latencies fromAcknowledged, Latencies fromSent) {
	}

}
