package com.ytempire.app.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.render.compositor.Compositor;
import com.ytempire.render.content.PlaceholderToneSynthesizer;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.PublishProgress;
import com.ytempire.render.media.MediaStore;
import com.ytempire.render.production.VideoProduction;
import com.ytempire.render.providers.FakeYouTube;
import com.ytempire.render.providers.FakeYouTube.Upload;
import com.ytempire.render.providers.YouTubePublisher;
import com.ytempire.render.providers.YouTubeSettings;
import com.ytempire.render.work.ProductionUploads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The first attempt at publishing dies part-way (the upload's connection drops; resuming
 * within the attempt is off, so the drop ends the attempt), and the production line's
 * next attempt continues from what it kept in PostgreSQL: YouTube ends up with one video.
 */
@IntegrationTest
@Import(PublishOnceTest.Providers.class)
class PublishOnceTest {

	private static final FakeYouTube YOUTUBE = start();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ProductionUploads uploads;

	private Production production;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		ProductionSwitch.on(registry);
		registry.add("ytempire.render.attempts.retry-delay", () -> "1s");
		registry.add("ytempire.render.attempts.max-retry-delay", () -> "2s");
	}

	@AfterAll
	static void stopYouTube() {
		YOUTUBE.close();
	}

	@BeforeEach
	void setUp() {
		this.production = new Production(this.port, TestKeys.OPERATOR, TestKeys.VIEWER);
	}

	@Test
	void anAttemptThatDiedAfterTheWholeFileArrivedIsFollowedByNoSecondUpload() throws InterruptedException {
		YOUTUBE.plan("About lost answer", Upload.droppedOnceComplete());
		String video = this.production.schedule("lost answer", ScriptedProviders.SECONDS);

		this.production.awaitStage(video, "PUBLISHED", Duration.ofMinutes(3));

		List<Integer> sessions = YOUTUBE.sessionsOf("About lost answer");
		assertThat(sessions).hasSize(1);
		int total = YOUTUBE.received(sessions.get(0)).length;
		assertThat(YOUTUBE.contentRanges(sessions.get(0))).as("one upload, then a status query")
			.containsExactly("", "bytes */" + total);
		assertPublishedOnceAs(video, YOUTUBE.videoId(sessions.get(0)));
	}

	@Test
	void anAttemptCutShortIsResumedInTheSameSessionFromTheRangeItHolds() throws InterruptedException {
		YOUTUBE.plan("About cut short", Upload.droppedAfter(40_000));
		String video = this.production.schedule("cut short", ScriptedProviders.SECONDS);

		this.production.awaitStage(video, "PUBLISHED", Duration.ofMinutes(3));

		List<Integer> sessions = YOUTUBE.sessionsOf("About cut short");
		assertThat(sessions).hasSize(1);
		int total = YOUTUBE.received(sessions.get(0)).length;
		assertThat(YOUTUBE.contentRanges(sessions.get(0))).containsExactly("", "bytes */" + total,
				"bytes 40000-" + (total - 1) + "/" + total);
		assertPublishedOnceAs(video, YOUTUBE.videoId(sessions.get(0)));
	}

	@Test
	void anExpiredSessionIsReplacedByANewOne() throws InterruptedException {
		YOUTUBE.plan("About expired", Upload.expiredAfter(40_000));
		String video = this.production.schedule("expired", ScriptedProviders.SECONDS);

		this.production.awaitStage(video, "PUBLISHED", Duration.ofMinutes(3));

		List<Integer> sessions = YOUTUBE.sessionsOf("About expired");
		assertThat(sessions).hasSize(2);
		int total = YOUTUBE.received(sessions.get(1)).length;
		assertThat(YOUTUBE.contentRanges(sessions.get(0))).containsExactly("", "bytes */" + total);
		assertThat(YOUTUBE.contentRanges(sessions.get(1))).containsExactly("");
		assertPublishedOnceAs(video, YOUTUBE.videoId(sessions.get(1)));
	}

	@Test
	void anAttemptCannotKeepASessionBesideOneAnotherAttemptKeptMeanwhile() {
		String video = "sessions-" + UUID.randomUUID();
		PublishProgress older = this.uploads.of(video);
		PublishProgress newer = this.uploads.of(video);
		newer.sessionOpened(URI.create("https://upload.test/session/2"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> older.sessionOpened(URI.create("https://upload.test/session/1")))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
		assertThat(this.uploads.of(video).session()).contains(URI.create("https://upload.test/session/2"));

		this.uploads.of(video).sessionOpened(URI.create("https://upload.test/session/3"));
		assertThat(this.uploads.of(video).session()).as("the one it read, expired, is replaced")
			.contains(URI.create("https://upload.test/session/3"));
	}

	private void assertPublishedOnceAs(String video, String youtubeId) {
		List<Map<String, Object>> events = this.production.events(video);
		assertThat(Production.payloads(events, "ProductionStepFailedEvent")).singleElement()
			.satisfies((failure) -> assertThat(failure).containsEntry("step", "PUBLISH").containsEntry("attempt", 1));
		assertThat(Production.payloads(events, "VideoPublishedEvent")).singleElement()
			.satisfies((published) -> assertThat(published).containsEntry("externalVideoId", youtubeId));
		assertThat(this.jdbc.queryForMap("SELECT session_uri, external_id FROM production_upload WHERE video_id = ?",
				video))
			.as("the session address is dropped once the id is kept")
			.containsEntry("session_uri", null)
			.containsEntry("external_id", youtubeId);
	}

	private static FakeYouTube start() {
		try {
			return FakeYouTube.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Providers {

		@Bean
		@Primary
		VideoProduction publishingToYouTube(MediaStore store, Compositor compositor) {
			ScriptedProviders providers = new ScriptedProviders(0);
			PriceTable prices = PriceTable.offline();
			// No resume within an attempt: a dropped upload ends it, as a crash would.
			YouTubeSettings settings = new YouTubeSettings(YOUTUBE.baseUrl(), YOUTUBE.baseUrl(), "client-1",
					"client-secret-1", "refresh-token-1", YouTubeSettings.DEFAULT_CATEGORY_ID, Duration.ofSeconds(10),
					Duration.ofSeconds(30), 0, Duration.ZERO, 0);
			return new VideoProduction(providers, new PlaceholderToneSynthesizer(prices), providers,
					new YouTubePublisher(settings), store, compositor, prices);
		}

	}

}
