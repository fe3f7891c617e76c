package com.ytempire.app.render;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ytempire.app.Api;

import org.springframework.core.ParameterizedTypeReference;

/** Schedules videos over HTTP and follows them through production. */
final class Production {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final Api operator;

	private final Api viewer;

	private String channel;

	/** The length the offline writer plans a few scenes for. */
	static final int SECONDS = 30;

	Production(int port, String operatorKey, String viewerKey) {
		this.operator = Api.at(port, operatorKey);
		this.viewer = Api.at(port, viewerKey);
	}

	Api viewer() {
		return this.viewer;
	}

	/**
	 * Schedules a video of {@link #SECONDS} about the topic on a channel of this test's
	 * own.
	 */
	String schedule(String topic) {
		return schedule(topic, SECONDS);
	}

	/**
	 * Schedules a video about the topic, titled "About" it, on a channel of this test's
	 * own.
	 */
	String schedule(String topic, int seconds) {
		if (this.channel == null) {
			this.channel = this.operator.createChannel("Production " + UUID.randomUUID(), 20);
		}
		return schedule(this.channel, topic, seconds);
	}

	/** A channel of this test's own whose videos may each cost up to the cap. */
	String channelCapped(String costCapPerVideo) {
		return this.operator.created("/api/v1/channels", Map.of("name", "Capped " + UUID.randomUUID(), "niche", "tech",
				"dailyVideoQuota", 20, "costCapPerVideo", new BigDecimal(costCapPerVideo)));
	}

	String schedule(String channel, String topic, int seconds) {
		return this.operator.created("/api/v1/videos", Map.of("channelId", channel, "title", "About " + topic, "topic",
				topic, "publishAt", Instant.now().plus(Duration.ofDays(1)).toString(), "targetLengthSeconds", seconds));
	}

	Map<String, Object> awaitStage(String video, String stage, Duration limit) throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		Map<String, Object> detail = Map.of();
		while (Instant.now().isBefore(deadline)) {
			detail = this.viewer.client()
				.get()
				.uri("/api/v1/videos/{id}", video)
				.exchange()
				.expectBody(JSON)
				.returnResult()
				.getResponseBody();
			Object reached = (detail != null) ? detail.get("stage") : null;
			if (stage.equals(reached)) {
				return detail;
			}
			if (!stage.equals(reached) && ("FAILED".equals(reached) || "HALTED".equals(reached)
					|| "CANCELLED".equals(reached) || "PUBLISHED".equals(reached))) {
				break;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("video " + video + " did not reach " + stage + " within " + limit + "; it is " + detail
				+ "; its events: " + events(video));
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> events(String video) {
		Map<String, Object> audit = this.viewer.client()
			.get()
			.uri("/api/v1/audit/{id}", video)
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) audit.get("events");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> payloads(List<Map<String, Object>> events, String type) {
		return events.stream()
			.filter((event) -> type.equals(event.get("type")))
			.map((event) -> (Map<String, Object>) event.get("payload"))
			.toList();
	}

}
