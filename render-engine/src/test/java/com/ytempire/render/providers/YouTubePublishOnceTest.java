package com.ytempire.render.providers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Publication;
import com.ytempire.render.content.VideoMetadata;
import com.ytempire.render.providers.FakeYouTube.Upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An attempt that dies part-way leaves its session (or the video's id) behind, and the
 * next attempt continues from it: one video on YouTube, however the first attempt ended.
 * Resumes within an attempt are off here, so that each break ends the attempt.
 */
class YouTubePublishOnceTest {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static final int SIZE = 2 * 1024 * 1024 + 5;

	@TempDir
	Path folder;

	private Path video;

	private byte[] videoBytes;

	private final KeptProgress progress = new KeptProgress();

	@BeforeEach
	void render() throws IOException {
		this.videoBytes = new byte[SIZE];
		new Random(11).nextBytes(this.videoBytes);
		this.video = Files.write(this.folder.resolve("v1.mp4"), this.videoBytes);
	}

	@Test
	void anAttemptAfterAnUploadWhoseAnswerWasLostTakesTheVideoFromTheKeptSession() throws IOException {
		try (FakeYouTube youtube = FakeYouTube.start(Upload.droppedOnceComplete())) {
			attemptFails(youtube);

			Priced<Publication> published = attempt(youtube);

			assertThat(youtube.sessions()).isOne();
			assertThat(published.value().externalId()).isEqualTo(youtube.videoId(0));
			assertThat(youtube.contentRanges(0)).containsExactly("", "bytes */" + SIZE);
			assertThat(published.cost().microDollars()).isZero();
			assertThat(this.progress.externalId()).contains(youtube.videoId(0));
			assertThat(this.progress.session()).as("no longer needed once the id is kept").isEmpty();
		}
	}

	@Test
	void anAttemptAfterOneCutShortResumesTheSameSessionFromWhatItHolds() throws IOException {
		try (FakeYouTube youtube = FakeYouTube.start(Upload.droppedAfter(1_000_003))) {
			attemptFails(youtube);

			Priced<Publication> published = attempt(youtube);

			assertThat(youtube.sessions()).isOne();
			assertThat(youtube.received(0)).isEqualTo(this.videoBytes);
			assertThat(youtube.contentRanges(0)).containsExactly("", "bytes */" + SIZE,
					"bytes 1000003-" + (SIZE - 1) + "/" + SIZE);
			assertThat(published.value().externalId()).isEqualTo(youtube.videoId(0));
		}
	}

	@Test
	void anExpiredSessionIsReplacedByANewOneThatTakesTheWholeFile() throws IOException {
		try (FakeYouTube youtube = FakeYouTube.start(Upload.expiredAfter(700_000))) {
			attemptFails(youtube);

			Priced<Publication> published = attempt(youtube);

			assertThat(youtube.sessions()).isEqualTo(2);
			assertThat(youtube.contentRanges(0)).containsExactly("", "bytes */" + SIZE);
			assertThat(youtube.contentRanges(1)).containsExactly("");
			assertThat(youtube.received(1)).isEqualTo(this.videoBytes);
			assertThat(published.value().externalId()).isEqualTo(youtube.videoId(1));
		}
	}

	@Test
	void aKeptIdIsPublishedWithoutAskingYouTube() throws IOException {
		try (FakeYouTube youtube = FakeYouTube.start()) {
			Priced<Publication> published = publisher(youtube).publish(this.video, metadata(),
					KeptProgress.withId("ytKept1"));

			assertThat(published.value().externalId()).isEqualTo("ytKept1");
			assertThat(published.value().location()).isEqualTo(YouTubeWatchUrl.of("ytKept1"));
			assertThat(youtube.sessions()).isZero();
		}
	}

	private void attemptFails(FakeYouTube youtube) {
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> attempt(youtube))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
		assertThat(this.progress.session()).as("the session outlives the attempt").isPresent();
	}

	private Priced<Publication> attempt(FakeYouTube youtube) {
		return publisher(youtube).publish(this.video, metadata(), this.progress);
	}

	private static YouTubePublisher publisher(FakeYouTube youtube) {
		YouTubeSettings settings = new YouTubeSettings(youtube.baseUrl(), youtube.baseUrl(), "client-1", "secret-1",
				"refresh-1", YouTubeSettings.DEFAULT_CATEGORY_ID, Duration.ofSeconds(5), Duration.ofSeconds(10), 0,
				Duration.ofMillis(10), 0);
		return new YouTubePublisher(settings, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static VideoMetadata metadata() {
		return new VideoMetadata("v1", "Volcanoes explained", "How volcanoes form.", List.of("volcanoes"), NOW);
	}

}
