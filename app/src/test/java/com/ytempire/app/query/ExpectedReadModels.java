package com.ytempire.app.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.VideoStage;

/**
 * What the read models must hold after a sequence of commands, worked out from the
 * commands alone: an independent model of the channels and videos the sequence touched,
 * which also says which commands the write side must accept.
 * <p>
 * The only facts taken from the system are the ids it gives new channels and videos and
 * the time it stamps on each event, because the daily and per-minute buckets depend on
 * it.
 */
final class ExpectedReadModels {

	final List<Channel> channels = new ArrayList<>();

	final List<Video> videos = new ArrayList<>();

	Channel channel(int index) {
		return this.channels.isEmpty() ? null : this.channels.get(index % this.channels.size());
	}

	Video video(int index) {
		return this.videos.isEmpty() ? null : this.videos.get(index % this.videos.size());
	}

	// The write side's rules, as the API documents them.

	static boolean canPause(Channel channel) {
		return channel.status == ChannelStatus.ACTIVE;
	}

	static boolean canResume(Channel channel) {
		return channel.status == ChannelStatus.PAUSED;
	}

	static boolean canArchive(Channel channel) {
		return channel.status != ChannelStatus.ARCHIVED;
	}

	static boolean canSchedule(Channel channel, int publishDay) {
		return channel.status == ChannelStatus.ACTIVE
				&& channel.slotsUsed.getOrDefault(publishDay, 0) < channel.dailyQuota;
	}

	static boolean canEnter(Video video, VideoStage target) {
		return video.stage.ordinal() == target.ordinal() - 1;
	}

	static boolean canFail(Video video) {
		return !video.stage.endsProduction();
	}

	static boolean canCancel(Video video) {
		return video.stage != VideoStage.PUBLISHED && video.stage != VideoStage.CANCELLED
				&& video.stage != VideoStage.FAILED;
	}

	static boolean canRecordCost(Video video) {
		return !video.stage.isFinal();
	}

	// What accepted commands change.

	Channel created(String id, String name, int dailyQuota, long capMicros) {
		Channel channel = new Channel(id, name, dailyQuota, capMicros);
		channel.events.add("ChannelCreatedEvent");
		this.channels.add(channel);
		return channel;
	}

	static void changeStatus(Channel channel, ChannelStatus status, String event) {
		channel.status = status;
		channel.events.add(event);
	}

	Video scheduled(String id, Channel channel, int publishDay) {
		channel.slotsUsed.merge(publishDay, 1, Integer::sum);
		Video video = new Video(id, channel, publishDay);
		video.enter(VideoStage.SCHEDULED, "VideoScheduledEvent", null);
		this.videos.add(video);
		return video;
	}

	static void cancelled(Video video) {
		video.channel.slotsUsed.merge(video.publishDay, -1, Integer::sum);
		video.enter(VideoStage.CANCELLED, "VideoCancelledEvent", null);
	}

	/** A new cost; past the cap it halts a video still in production. */
	static void costRecorded(Video video, Cost cost) {
		video.costs.put(cost.costId(), cost);
		video.totalMicros += cost.micros();
		video.events.add(new Event("CostRecordedEvent", null, cost));
		if (video.totalMicros > video.channel.capMicros && !video.stage.endsProduction()) {
			video.halted = true;
			video.enter(VideoStage.HALTED, "VideoHaltedEvent", null);
		}
	}

	static final class Channel {

		final String id;

		final String name;

		final int dailyQuota;

		final long capMicros;

		ChannelStatus status = ChannelStatus.ACTIVE;

		final Map<Integer, Integer> slotsUsed = new HashMap<>();

		/** The events the store must hold for this channel, in order. */
		final List<String> events = new ArrayList<>();

		Channel(String id, String name, int dailyQuota, long capMicros) {
			this.id = id;
			this.name = name;
			this.dailyQuota = dailyQuota;
			this.capMicros = capMicros;
		}

	}

	static final class Video {

		final String id;

		final Channel channel;

		final int publishDay;

		VideoStage stage;

		final List<VideoStage> stages = new ArrayList<>();

		final Map<String, Cost> costs = new LinkedHashMap<>();

		long totalMicros;

		boolean halted;

		String failureReason;

		/** The events the store must hold for this video, in order. */
		final List<Event> events = new ArrayList<>();

		Video(String id, Channel channel, int publishDay) {
			this.id = id;
			this.channel = channel;
			this.publishDay = publishDay;
		}

		void enter(VideoStage next, String event, String failureReason) {
			this.stage = next;
			this.stages.add(next);
			this.events.add(new Event(event, next, null));
			if (failureReason != null) {
				this.failureReason = failureReason;
			}
		}

	}

	record Cost(String costId, CostCategory category, long micros) {
	}

	/** An event the model expects, with the stage it enters or the cost it records. */
	record Event(String type, VideoStage stage, Cost cost) {
	}

	// Expected rows, as text lines that compare as multisets.

	List<String> channelRows() {
		return this.channels.stream().map((channel) -> {
			int[] byStage = new int[VideoStage.values().length];
			long total = 0;
			int count = 0;
			for (Video video : videosOf(channel)) {
				byStage[video.stage.ordinal()]++;
				total += video.totalMicros;
				count++;
			}
			return line(channel.id, channel.name, channel.status, channel.dailyQuota, channel.capMicros,
					java.util.Arrays.toString(byStage), count, byStage[VideoStage.PUBLISHED.ordinal()],
					byStage[VideoStage.FAILED.ordinal()], total);
		}).toList();
	}

	List<String> channelVideoRows() {
		return this.videos.stream().map((video) -> line(video.id, video.channel.id, video.stage)).toList();
	}

	List<String> videoRows() {
		return this.videos.stream()
			.map((video) -> line(video.id, video.channel.id, video.channel.capMicros, video.stage, video.stages.size(),
					video.failureReason, video.totalMicros, video.costs.size()))
			.toList();
	}

	List<String> videoStageRows() {
		List<String> rows = new ArrayList<>();
		for (Video video : this.videos) {
			for (int i = 0; i < video.stages.size(); i++) {
				rows.add(line(video.id, i, video.stages.get(i)));
			}
		}
		return rows;
	}

	List<String> videoCostRows() {
		List<String> rows = new ArrayList<>();
		for (Video video : this.videos) {
			video.costs.values()
				.forEach((cost) -> rows
					.add(line(video.id, cost.costId(), video.channel.id, cost.category(), cost.micros())));
		}
		return rows;
	}

	List<String> costVideoRows() {
		return this.videos.stream()
			.map((video) -> line(video.id, video.channel.id, video.channel.capMicros, video.totalMicros, video.halted))
			.toList();
	}

	List<String> overviewChannelRows() {
		return this.channels.stream().map((channel) -> line(channel.id, channel.status)).toList();
	}

	/**
	 * Cost per UTC day, channel and category: total and number of items.
	 * @param stampedAt when the store says each of the model's video events happened
	 */
	List<String> costDailyRows(Map<Event, Instant> stampedAt) {
		Map<String, long[]> sums = new TreeMap<>();
		for (Video video : this.videos) {
			for (Event event : video.events) {
				if (event.cost() != null) {
					long[] sum = sums.computeIfAbsent(
							line(day(stampedAt.get(event)), video.channel.id, event.cost().category()),
							(key) -> new long[2]);
					sum[0] += event.cost().micros();
					sum[1]++;
				}
			}
		}
		return lines(sums);
	}

	/** Per channel and minute: videos rendered, failures, cost. */
	List<String> seriesRows(Map<Event, Instant> stampedAt) {
		Map<String, long[]> sums = new TreeMap<>();
		for (Video video : this.videos) {
			for (Event event : video.events) {
				long[] amounts = seriesAmounts(event);
				if (amounts != null) {
					add(sums, line(video.channel.id, minute(stampedAt.get(event))), amounts);
				}
			}
		}
		return lines(sums);
	}

	/** What the sequence adds to the platform-wide series (channel "*"), per minute. */
	List<String> platformSeriesIncrements(Map<Event, Instant> stampedAt) {
		Map<String, long[]> sums = new TreeMap<>();
		for (Video video : this.videos) {
			for (Event event : video.events) {
				long[] amounts = seriesAmounts(event);
				if (amounts != null) {
					add(sums, minute(stampedAt.get(event)).toString(), amounts);
				}
			}
		}
		return nonZeroLines(sums);
	}

	/**
	 * What the sequence adds to the per-day overview: scheduled, generated, published,
	 * failures, halted, cost.
	 */
	List<String> overviewDayIncrements(Map<Event, Instant> stampedAt) {
		Map<String, long[]> sums = new TreeMap<>();
		for (Video video : this.videos) {
			for (Event event : video.events) {
				long[] amounts = new long[6];
				if (event.cost() != null) {
					amounts[5] = event.cost().micros();
				}
				else {
					switch (event.stage()) {
						case SCHEDULED -> amounts[0] = 1;
						case RENDERED -> amounts[1] = 1;
						case PUBLISHED -> amounts[2] = 1;
						case FAILED -> amounts[3] = 1;
						case HALTED -> amounts[4] = 1;
						default -> {
						}
					}
				}
				add(sums, day(stampedAt.get(event)).toString(), amounts);
			}
		}
		return nonZeroLines(sums);
	}

	private List<Video> videosOf(Channel channel) {
		return this.videos.stream().filter((video) -> video.channel == channel).toList();
	}

	private static long[] seriesAmounts(Event event) {
		if (event.cost() != null) {
			return new long[] { 0, 0, event.cost().micros() };
		}
		if (event.stage() == VideoStage.RENDERED) {
			return new long[] { 1, 0, 0 };
		}
		if (event.stage() == VideoStage.FAILED) {
			return new long[] { 0, 1, 0 };
		}
		return null;
	}

	static void add(Map<String, long[]> sums, String key, long[] amounts) {
		long[] sum = sums.computeIfAbsent(key, (k) -> new long[amounts.length]);
		for (int i = 0; i < amounts.length; i++) {
			sum[i] += amounts[i];
		}
	}

	static List<String> lines(Map<String, long[]> sums) {
		List<String> rows = new ArrayList<>();
		sums.forEach((key, sum) -> rows.add(key + "|" + java.util.Arrays.toString(sum)));
		return rows;
	}

	static List<String> nonZeroLines(Map<String, long[]> sums) {
		Map<String, long[]> nonZero = new TreeMap<>();
		sums.forEach((key, sum) -> {
			if (java.util.Arrays.stream(sum).anyMatch((value) -> value != 0)) {
				nonZero.put(key, sum);
			}
		});
		return lines(nonZero);
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant minute(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MINUTES);
	}

	static String line(Object... values) {
		StringBuilder line = new StringBuilder();
		for (Object value : values) {
			if (!line.isEmpty()) {
				line.append('|');
			}
			line.append(value);
		}
		return line.toString();
	}

}
