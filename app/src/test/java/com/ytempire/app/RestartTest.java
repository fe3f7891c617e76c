package com.ytempire.app;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API acknowledged is still there after the application stops and starts again
 * on the same data folder, with the embedded database as durable as in production.
 */
class RestartTest {

	@TempDir
	Path dataDirectory;

	@Test
	void acknowledgedCommandsSurviveARestart() {
		String channelName = CommandApiTest.uniqueName("Durable");
		String channelId;
		String videoId;
		try (ConfigurableApplicationContext app = start()) {
			Api api = Api.at(port(app), TestKeys.OPERATOR);
			channelId = api.createChannel(channelName, 2);
			videoId = api.scheduleVideo(channelId, "2026-12-20T10:00:00Z");
			api.post("/api/v1/videos/" + videoId + "/costs",
					Map.of("costId", "before", "category", "SCRIPT", "amount", "0.10", "provider", "openai"))
				.expectStatus()
				.isCreated();
		}
		try (ConfigurableApplicationContext app = start()) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier IN (?, ?)",
					Integer.class, channelId, videoId))
				.isEqualTo(3);
			Api api = Api.at(port(app), TestKeys.OPERATOR);
			api.post("/api/v1/channels", Map.of("name", channelName, "niche", "tech", "dailyVideoQuota", 1))
				.expectStatus()
				.isEqualTo(409);
			api.post("/api/v1/videos/" + videoId + "/costs",
					Map.of("costId", "before", "category", "SCRIPT", "amount", "0.10", "provider", "openai"))
				.expectStatus()
				.isOk();
			api.post("/api/v1/videos/" + videoId + "/costs",
					Map.of("costId", "after", "category", "VOICE", "amount", "0.45", "provider", "tts"))
				.expectStatus()
				.isCreated();
			assertThat(jdbc.queryForList(
					"SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
					String.class, videoId))
				.last()
				.isEqualTo("com.ytempire.api.video.VideoHaltedEvent");
			assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(YtEmpireApplication.class).run("--server.port=0",
				"--ytempire.data-dir=" + this.dataDirectory, "--ytempire.security.api-keys=" + TestKeys.CONFIGURATION);
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

}
