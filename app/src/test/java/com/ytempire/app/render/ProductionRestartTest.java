package com.ytempire.app.render;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ytempire.app.TestKeys;
import com.ytempire.app.query.ApplicationProcess;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is killed while it renders a video. Started again, it does not run that
 * attempt a second time: the attempt's persisted time limit passes, a new attempt
 * renders, and the video is published once.
 */
class ProductionRestartTest {

	private static final String API_KEYS = TestKeys.CONFIGURATION;

	/** Long enough for one render of the offline script here, short enough for a test. */
	private static final String RENDER_TIME_LIMIT = "90s";

	@Test
	void killedDuringTheRenderTheRestartedServiceFinishesTheVideoWithANewAttempt() throws Exception {
		Path dataDirectory = Path.of("target", "production-restart", UUID.randomUUID().toString()).toAbsolutePath();
		int databasePort = ApplicationProcess.freePort();
		Map<String, String> production = Map.of("YTEMPIRE_RENDER_ENABLED", "true", "YTEMPIRE_RENDER_TIMEOUT",
				RENDER_TIME_LIMIT, "YTEMPIRE_PRODUCTION_RETRY_DELAY", "1s", "YTEMPIRE_MEDIA_DISK_RESERVE", "1MB");
		ApplicationProcess application = null;
		try {
			application = ApplicationProcess.start(dataDirectory, databasePort, API_KEYS, production, "first-run.log");
			Production first = new Production(application.httpPort(), TestKeys.OPERATOR, TestKeys.VIEWER);
			String video = first.schedule("volcanoes");
			awaitRenderStarted(first, video, Duration.ofMinutes(2));
			application.kill();

			application = ApplicationProcess.start(dataDirectory, databasePort, API_KEYS, production, "second-run.log");
			Production second = new Production(application.httpPort(), TestKeys.OPERATOR, TestKeys.VIEWER);
			second.awaitStage(video, "PUBLISHED", Duration.ofMinutes(5));

			List<Map<String, Object>> events = second.events(video);
			// On a busy machine a later attempt may also outlive its limit; the first is
			// the
			// one the kill stranded, and nothing was rendered or published twice.
			assertThat(Production.payloads(events, "ProductionStepStartedEvent"))
				.filteredOn((started) -> "RENDER".equals(started.get("step")))
				.extracting((started) -> started.get("attempt"))
				.startsWith(1, 2);
			assertThat(Production.payloads(events, "ProductionStepFailedEvent")).first()
				.satisfies((failure) -> assertThat(failure).containsEntry("step", "RENDER")
					.containsEntry("attempt", 1)
					.containsEntry("reason", "no result within 90 s"));
			assertThat(Production.payloads(events, "VideoRenderedEvent")).hasSize(1);
			assertThat(Production.payloads(events, "VideoPublishedEvent")).hasSize(1);
			try (Connection database = application.database()) {
				assertThat(workStates(database, video)).startsWith("SCRIPT 1 DONE", "VOICE 1 DONE", "IMAGES 1 DONE",
						"RENDER 1 FAILED");
			}
			application.close();
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
		finally {
			if (application != null) {
				application.close();
			}
			ApplicationProcess.stopDatabaseLeftOn(dataDirectory);
		}
	}

	private static void awaitRenderStarted(Production production, String video, Duration limit)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (Instant.now().isBefore(deadline)) {
			boolean started = Production.payloads(production.events(video), "ProductionStepStartedEvent")
				.stream()
				.anyMatch((step) -> "RENDER".equals(step.get("step")));
			if (started) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the render of " + video + " did not start within " + limit);
	}

	private static List<String> workStates(Connection database, String video) throws Exception {
		List<String> states = new ArrayList<>();
		try (Statement query = database.createStatement();
				ResultSet rows = query
					.executeQuery("SELECT step, attempt, state FROM production_work WHERE video_id = '" + video
							+ "' ORDER BY queued_at, attempt")) {
			while (rows.next()) {
				states.add(rows.getString(1) + " " + rows.getInt(2) + " " + rows.getString(3));
			}
		}
		return states;
	}

}
