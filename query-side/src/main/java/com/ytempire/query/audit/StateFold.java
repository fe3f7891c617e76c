package com.ytempire.query.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Rebuilds what a channel or video looked like from its events alone: an independent
 * reading of the event contracts, not the aggregate classes, so an audit shows what the
 * stored facts say.
 */
final class StateFold {

	private static final Map<String, String> VIDEO_STAGES = Map.of("VideoScheduledEvent", "SCHEDULED",
			"ScriptReadyEvent", "SCRIPT_READY", "VoiceOverReadyEvent", "VOICE_READY", "ImagesReadyEvent",
			"IMAGES_READY", "RenderStartedEvent", "RENDERING", "VideoRenderedEvent", "RENDERED", "VideoPublishedEvent",
			"PUBLISHED", "VideoFailedEvent", "FAILED", "VideoCancelledEvent", "CANCELLED", "VideoHaltedEvent",
			"HALTED");

	private static final Map<String, String> CHANNEL_STATUSES = Map.of("ChannelCreatedEvent", "ACTIVE",
			"ChannelPausedEvent", "PAUSED", "ChannelResumedEvent", "ACTIVE", "ChannelArchivedEvent", "ARCHIVED");

	private final Map<String, Object> state = new LinkedHashMap<>();

	private final List<Map<String, Object>> costs = new ArrayList<>();

	void apply(String type, JsonNode payload, String timestamp, long sequence) {
		if (type.equals("ChannelCreatedEvent")) {
			this.state.put("channelId", payload.path("channelId").asString(null));
			this.state.put("name", payload.path("name").asString(null));
			this.state.put("createdAt", timestamp);
		}
		if (type.equals("ChannelCreatedEvent") || type.equals("ChannelSettingsUpdatedEvent")) {
			this.state.put("settings", payload.get("settings"));
		}
		if (CHANNEL_STATUSES.containsKey(type)) {
			this.state.put("status", CHANNEL_STATUSES.get(type));
			this.state.put("statusReason", payload.path("reason").asString(null));
		}
		if (type.equals("VideoScheduledEvent")) {
			for (String field : List.of("videoId", "channelId", "title", "topic", "publishAt", "style",
					"targetLengthSeconds", "costCapMicros")) {
				this.state.put(field, payload.get(field));
			}
			this.state.put("totalCostMicros", 0L);
			this.state.put("costs", this.costs);
		}
		if (VIDEO_STAGES.containsKey(type)) {
			this.state.put("stage", VIDEO_STAGES.get(type));
			this.state.put("stageEnteredAt", timestamp);
		}
		if (type.equals("VideoFailedEvent") || type.equals("VideoCancelledEvent")) {
			this.state.put("endReason", payload.path("reason").asString(null));
		}
		if (type.equals("VideoPublishedEvent")) {
			this.state.put("externalVideoId", payload.path("externalVideoId").asString(null));
		}
		if (type.equals("CostRecordedEvent")) {
			Map<String, Object> cost = new LinkedHashMap<>();
			for (String field : List.of("costId", "category", "amountMicros", "provider", "units")) {
				cost.put(field, payload.get(field));
			}
			this.costs.add(cost);
			this.state.put("totalCostMicros", payload.path("totalCostMicros").asLong());
		}
		this.state.put("version", sequence);
		this.state.put("lastChangedAt", timestamp);
	}

	Map<String, Object> state() {
		return this.state;
	}

}
