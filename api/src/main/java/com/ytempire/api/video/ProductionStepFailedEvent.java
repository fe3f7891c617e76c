package com.ytempire.api.video;

public record ProductionStepFailedEvent(String videoId, String channelId, ProductionStep step, int attempt,
		String reason, boolean retryable, long retryAfterMillis) implements VideoEvent {
}
