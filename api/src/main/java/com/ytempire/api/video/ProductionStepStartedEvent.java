package com.ytempire.api.video;

public record ProductionStepStartedEvent(String videoId, String channelId, ProductionStep step,
		int attempt) implements VideoEvent {
}
