package com.ytempire.app.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ytempire.api.video.FailVideoCommand;
import com.ytempire.api.video.MarkImagesReadyCommand;
import com.ytempire.api.video.MarkPublishedCommand;
import com.ytempire.api.video.MarkRenderedCommand;
import com.ytempire.api.video.MarkScriptReadyCommand;
import com.ytempire.api.video.MarkVoiceOverReadyCommand;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.StartRenderCommand;
import com.ytempire.app.Api;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Drives channels and videos through the command API and, for the production stages the
 * render engine will send, through the command gateway.
 */
final class ReadModelFixture {

	private static final MediaRef MEDIA = new MediaRef("ab".repeat(32), "application/octet-stream", 10);

	private final Api operator;

	private final CommandGateway gateway;

	ReadModelFixture(Api operator, CommandGateway gateway) {
		this.operator = operator;
		this.gateway = gateway;
	}

	String channel(String prefix) {
		return this.operator.createChannel(prefix + " " + UUID.randomUUID().toString().substring(0, 8), 50);
	}

	String video(String channelId) {
		return this.operator.scheduleVideo(channelId, Instant.now().plusSeconds(86_400).toString());
	}

	long cost(String videoId, String costId, String category, String amount) {
		Map<?, ?> accepted = this.operator
			.post("/api/v1/videos/" + videoId + "/costs",
					Map.of("costId", costId, "category", category, "amount", amount, "provider", "test", "units", 3))
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) accepted.get("position")).longValue();
	}

	void produce(String videoId, boolean publish) {
		this.gateway.sendAndWait(new MarkScriptReadyCommand(videoId, MEDIA, 3));
		this.gateway.sendAndWait(new MarkVoiceOverReadyCommand(videoId, MEDIA, 1000, List.of(1000L)));
		this.gateway.sendAndWait(new MarkImagesReadyCommand(videoId, List.of(MEDIA)));
		this.gateway.sendAndWait(new StartRenderCommand(videoId, "cpu"));
		this.gateway.sendAndWait(new MarkRenderedCommand(videoId, MEDIA, 1000, 1280, 720));
		if (publish) {
			this.gateway.sendAndWait(new MarkPublishedCommand(videoId, "yt-" + videoId.substring(0, 8)));
		}
	}

	void fail(String videoId, String reason) {
		this.gateway.sendAndWait(new FailVideoCommand(videoId, reason));
	}

	/**
	 * The position of the newest event: pass as minPosition to read everything so far.
	 */
	static long head(org.springframework.jdbc.core.JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT coalesce(max(globalIndex), 0) FROM DomainEventEntry", Long.class);
	}

}
