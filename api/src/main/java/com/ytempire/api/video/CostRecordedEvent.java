package com.ytempire.api.video;

/**
 * @param totalCostMicros the video's total cost including this item
 */
public record CostRecordedEvent(String videoId, String channelId, String costId, CostCategory category,
		long amountMicros, String provider, long units, long totalCostMicros) implements VideoEvent {
}
