package com.ytempire.api.channel;

/**
 * The adjustable settings of a channel. Money is in whole micro-dollars (1 USD =
 * 1,000,000).
 *
 * @param niche the topic area the channel's videos come from
 * @param youtubeChannelRef the YouTube channel id or handle videos are published to
 * @param dailyVideoQuota how many videos may be scheduled for publishing on one UTC day
 * @param costCapPerVideoMicros the most one video may cost before its production is
 * halted
 * @param dailyBudgetMicros what the channel may spend on one UTC day
 */
public record ChannelSettings(String niche, String youtubeChannelRef, int dailyVideoQuota, long costCapPerVideoMicros,
		long dailyBudgetMicros) {

	/** The operations document's cost target: $0.50 per video. */
	public static final long DEFAULT_COST_CAP_PER_VIDEO_MICROS = 500_000;

}
