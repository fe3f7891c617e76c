package com.ytempire.api.video;

import java.util.List;

public record ImagesReadyEvent(String videoId, String channelId, List<MediaRef> images) implements VideoEvent {
}
