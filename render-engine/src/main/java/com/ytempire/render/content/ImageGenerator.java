package com.ytempire.render.content;

import com.ytempire.api.video.VideoStyle;

/**
 * Makes a scene's picture in the video's style, encoded as PNG or JPEG as an image
 * service would return it.
 */
public interface ImageGenerator {

	Priced<byte[]> generate(ScriptScene scene, VideoStyle style, int width, int height);

}
