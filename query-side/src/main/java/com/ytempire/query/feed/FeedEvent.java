package com.ytempire.query.feed;

import tools.jackson.databind.JsonNode;

/**
 * One video event as the live feed sends it.
 *
 * @param position the global event-store position, which is also the SSE id
 * @param kind {@code stage}, {@code cost} or {@code alert} (cost cap reached, failure)
 * @param type the event's simple name, for example {@code VideoHaltedEvent}
 */
record FeedEvent(long position, String kind, String type, String videoId, String channelId, String timestamp,
		JsonNode payload) {

	static String kindOf(String type) {
		return switch (type) {
			case "CostRecordedEvent" -> "cost";
			case "VideoHaltedEvent", "VideoFailedEvent" -> "alert";
			default -> "stage";
		};
	}

}
