package com.ytempire.render.production;

import com.ytempire.api.video.MediaRef;

/**
 * A finished MP4 in the media store, with what {@code MarkRenderedCommand} reports about
 * it.
 */
public record RenderedVideo(MediaRef video, long durationMillis, int width, int height) {
}
