package com.ytempire.monitoring.business;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.VideoCancelledEvent;
import com.ytempire.api.video.VideoFailedEvent;
import com.ytempire.api.video.VideoHaltedEvent;
import com.ytempire.api.video.VideoPublishedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.api.video.VideoStage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VideoMetricsTest {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final BusinessMetricsConfiguration configuration = new BusinessMetricsConfiguration();

	private final CostPerVideo costPerVideo = new CostPerVideo(this.registry, Clock.fixed(NOW, ZoneOffset.UTC));

	private final VideoMetrics metrics = this.configuration.videoMetrics(this.registry, this.costPerVideo);

	@Test
	void publishedVideosCountByChannelAndFeedDurationAndCostPerVideo() {
		schedule("v1", NOW.minusSeconds(600));
		cost("v1", 120_000, 120_000);
		schedule("v2", NOW.minusSeconds(300));
		cost("v2", 300_000, 300_000);
		this.metrics.on(new VideoPublishedEvent("v1", "c1", "yt-1"), NOW.minusSeconds(60));
		this.metrics.on(new VideoPublishedEvent("v2", "c1", "yt-2"), NOW);

		assertThat(generated("c1", "published")).isEqualTo(2);
		assertThat(this.registry.get("video.generation.duration").timer().totalTime(TimeUnit.SECONDS))
			.isEqualTo(540 + 300);
		assertThat(this.registry.get("cost.per.video").gauge().value()).isCloseTo(0.21, within(1e-9));
		assertThat(this.registry.get("video.generation.cost").tag("category", "script").summary().totalAmount())
			.isCloseTo(0.42, within(1e-9));
	}

	@Test
	void costPerVideoForgetsVideosOlderThanAnHourAndReadsNaNWithoutAny() {
		assertThat(this.registry.get("cost.per.video").gauge().value()).isNaN();
		this.costPerVideo.completed(NOW.minus(CostPerVideo.WINDOW).minusSeconds(1), 9.0);
		this.costPerVideo.completed(NOW.minusSeconds(10), 0.40);
		assertThat(this.costPerVideo.average()).isCloseTo(0.40, within(1e-9));
	}

	@Test
	void videosStartedBeforeThisProcessCountButAreLeftOutOfDurationAndCost() {
		this.metrics.on(new VideoPublishedEvent("old", "c1", "yt-old"), NOW);
		assertThat(generated("c1", "published")).isEqualTo(1);
		assertThat(this.registry.get("video.generation.duration").timer().count()).isZero();
		assertThat(this.registry.get("cost.per.video").gauge().value()).isNaN();
	}

	@Test
	void failedAndHaltedVideosAreFailures() {
		schedule("v1", NOW);
		this.metrics.on(new VideoFailedEvent("v1", "c1", VideoStage.SCRIPT_READY, "provider down"));
		this.metrics.on(new VideoHaltedEvent("v2", "c2", 600_000, 500_000));
		schedule("v3", NOW);
		this.metrics.on(new VideoCancelledEvent("v3", "c2", NOW, "not needed"));
		this.metrics.on(new VideoPublishedEvent("v3", "c2", "yt-3"), NOW);

		assertThat(generated("c1", "failed")).isEqualTo(1);
		assertThat(generated("c2", "halted")).isEqualTo(1);
		assertThat(this.registry.get("video.generation.failures").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("video.generation.duration").timer().count()).isZero();
	}

	private double generated(String channel, String status) {
		return this.registry.get("videos.generated").tag("channel", channel).tag("status", status).counter().count();
	}

	private void schedule(String videoId, Instant at) {
		this.metrics.on(new VideoScheduledEvent(videoId, "c1", "title", "topic", at, "default", 60, 500_000), at);
	}

	private void cost(String videoId, long amount, long total) {
		this.metrics.on(new CostRecordedEvent(videoId, "c1", "cost-" + amount, CostCategory.SCRIPT, amount, "openai", 1,
				total));
	}

}
