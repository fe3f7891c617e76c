package com.ytempire.api.video;

public record ScriptReadyEvent(String videoId, String channelId, MediaRef script,
		int sceneCount) implements VideoEvent {
}
