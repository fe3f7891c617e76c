package com.ytempire.app.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelSettings;
import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.ImagesReadyEvent;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.RenderStartedEvent;
import com.ytempire.api.video.ScriptReadyEvent;
import com.ytempire.api.video.VideoFailedEvent;
import com.ytempire.api.video.VideoPublishedEvent;
import com.ytempire.api.video.VideoRenderedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.api.video.VideoStage;
import com.ytempire.api.video.VoiceOverReadyEvent;

/**
 * A year of platform history as the aggregates would have recorded it: channels, then
 * videos that go through the production stages as far as each got, with the costs of each
 * stage recorded after it and never past publication or the video's cap. Videos start
 * evenly over the year and are handed out in windows sorted by time, so streams
 * interleave in the store as they would live. The same seed gives the same history.
 */
final class SyntheticHistory {

	static final long COST_CAP_MICROS = ChannelSettings.DEFAULT_COST_CAP_PER_VIDEO_MICROS;

	private static final int WINDOW_VIDEOS = 1000;

	/** Cumulative shares of videos by the last stage they reached. */
	private static final double[] STAGE_SHARES = { 0.25, 0.37, 0.45, 0.53, 0.57, 0.62, 0.95, 1.0 };

	private static final CostCategory[] COST_AFTER_STAGE = { CostCategory.SCRIPT, CostCategory.VOICE,
			CostCategory.IMAGES, CostCategory.RENDER, CostCategory.RENDER, CostCategory.STORAGE };

	private final int channels;

	private final int videos;

	private final long events;

	private final Instant start;

	private final Duration span;

	private final Random random = new Random(20261201);

	private final List<String> channelIds = new ArrayList<>();

	private final List<String> openVideoIds = new ArrayList<>();

	private long costItems;

	SyntheticHistory(int channels, int videos, long events, Instant end) {
		this.channels = channels;
		this.videos = videos;
		this.events = events;
		this.span = Duration.ofDays(365);
		this.start = end.minus(this.span);
	}

	/** Hands every event to the sink, a window at a time in timestamp order. */
	void generate(Consumer<List<HistoricEvent>> sink) {
		List<HistoricEvent> channelEvents = new ArrayList<>();
		for (int i = 0; i < this.channels; i++) {
			String channelId = UUID.randomUUID().toString();
			this.channelIds.add(channelId);
			channelEvents.add(new HistoricEvent(channelId, 0, "Channel", this.start.plusSeconds(i),
					new ChannelCreatedEvent(channelId, "Channel " + (i + 1),
							new ChannelSettings(NICHES[i % NICHES.length], "UC" + channelId.substring(0, 8), 1000,
									COST_CAP_MICROS, 100_000_000L))));
		}
		sink.accept(channelEvents);
		long perVideo = (this.events - this.channels) / this.videos;
		long extra = (this.events - this.channels) % this.videos;
		for (int first = 0; first < this.videos; first += WINDOW_VIDEOS) {
			List<HistoricEvent> window = new ArrayList<>();
			for (int i = first; i < Math.min(first + WINDOW_VIDEOS, this.videos); i++) {
				video(i, (int) (perVideo + ((i < extra) ? 1 : 0)), window);
			}
			window.sort(Comparator.comparing(HistoricEvent::timestamp));
			sink.accept(window);
		}
	}

	List<String> channelIds() {
		return this.channelIds;
	}

	/** Videos that can still take costs: neither published nor cancelled. */
	List<String> openVideoIds() {
		return this.openVideoIds;
	}

	long costItems() {
		return this.costItems;
	}

	private void video(int index, int budget, List<HistoricEvent> out) {
		String videoId = UUID.randomUUID().toString();
		String channelId = this.channelIds.get(index % this.channels);
		Instant scheduledAt = this.start.plus(this.span.multipliedBy(index).dividedBy(this.videos))
			.plusSeconds(this.random.nextInt(600));
		List<Object> stages = stages(videoId, channelId, scheduledAt, Math.max(1, budget));
		int costs = budget - stages.size();
		// Costs follow the stage that incurred them, never the publication.
		int costSlots = (stages.get(stages.size() - 1) instanceof VideoPublishedEvent) ? stages.size() - 1
				: stages.size();
		List<List<CostRecordedEvent>> costsAfter = new ArrayList<>();
		for (int slot = 0; slot < costSlots; slot++) {
			costsAfter.add(new ArrayList<>());
		}
		long total = 0;
		for (int item = 0; item < costs; item++) {
			int slot = item % costSlots;
			long room = (COST_CAP_MICROS - total) / (costs - item);
			long amount = 1 + this.random.nextLong(Math.max(1, Math.min(50_000, room)));
			total += amount;
			CostCategory category = COST_AFTER_STAGE[Math.min(slot, COST_AFTER_STAGE.length - 1)];
			costsAfter.get(slot)
				.add(new CostRecordedEvent(videoId, channelId, "cost-" + index + "-" + item, category, amount,
						PROVIDERS[category.ordinal()], 1 + this.random.nextInt(2000), total));
		}
		this.costItems += costs;
		long sequence = 0;
		Instant at = scheduledAt;
		for (int slot = 0; slot < stages.size(); slot++) {
			out.add(new HistoricEvent(videoId, sequence++, "Video", at, stages.get(slot)));
			if (slot < costSlots) {
				for (CostRecordedEvent cost : costsAfter.get(slot)) {
					at = at.plusSeconds(5 + this.random.nextInt(120));
					out.add(new HistoricEvent(videoId, sequence++, "Video", at, cost));
				}
			}
			at = at.plusSeconds(30 + this.random.nextInt(600));
		}
		if (costSlots == stages.size()) {
			this.openVideoIds.add(videoId);
		}
	}

	/** The stage events of one video: scheduled, then as far as it got. */
	private List<Object> stages(String videoId, String channelId, Instant scheduledAt, int budget) {
		double draw = this.random.nextDouble();
		int reached = 0;
		while (reached < STAGE_SHARES.length - 1 && draw > STAGE_SHARES[reached]) {
			reached++;
		}
		boolean failed = reached == STAGE_SHARES.length - 1;
		int advances = failed ? this.random.nextInt(5) : reached;
		List<Object> stages = new ArrayList<>();
		stages.add(new VideoScheduledEvent(videoId, channelId, "Video " + videoId.substring(0, 8),
				TOPICS[this.random.nextInt(TOPICS.length)], scheduledAt.plus(Duration.ofDays(2)), "default", 60,
				COST_CAP_MICROS));
		for (int stage = 1; stage <= advances && stages.size() < budget; stage++) {
			stages.add(advance(stage, videoId, channelId));
		}
		if (failed && stages.size() < budget) {
			stages.add(new VideoFailedEvent(videoId, channelId, VideoStage.values()[stages.size() - 1],
					"provider timed out"));
		}
		return stages;
	}

	private Object advance(int stage, String videoId, String channelId) {
		return switch (stage) {
			case 1 -> new ScriptReadyEvent(videoId, channelId, media("text/plain", 4_000), 8);
			case 2 ->
				new VoiceOverReadyEvent(videoId, channelId, media("audio/wav", 5_760_000), 60_000, List.of(60_000L));
			case 3 -> new ImagesReadyEvent(videoId, channelId,
					List.of(media("image/png", 900_000), media("image/png", 910_000), media("image/png", 880_000)));
			case 4 -> new RenderStartedEvent(videoId, channelId, (this.random.nextInt(4) == 0) ? "gpu" : "cpu");
			case 5 -> new VideoRenderedEvent(videoId, channelId, media("video/mp4", 21_000_000), 60_000, 1280, 720);
			default -> new VideoPublishedEvent(videoId, channelId, "yt-" + videoId.substring(0, 11));
		};
	}

	private MediaRef media(String type, long size) {
		return new MediaRef(
				Long.toHexString(this.random.nextLong()) + Long.toHexString(this.random.nextLong())
						+ Long.toHexString(this.random.nextLong()) + Long.toHexString(this.random.nextLong()),
				type, size);
	}

	private static final String[] NICHES = { "technology", "finance", "gaming", "cooking", "travel", "science",
			"history", "fitness" };

	private static final String[] TOPICS = { "rust in 60 seconds", "index funds", "speedrun routes", "sourdough",
			"hidden beaches", "black holes", "roman roads", "kettlebells" };

	private static final String[] PROVIDERS = { "openai", "elevenlabs", "stability", "render-farm", "s3", "youtube" };

	/** One event of the history with what the store keeps around it. */
	record HistoricEvent(String aggregateId, long sequence, String aggregateType, Instant timestamp, Object payload) {
	}

}
