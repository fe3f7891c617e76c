package com.ytempire.render.content;

/**
 * Makes a scene's picture, encoded as PNG or JPEG as an image service would return it.
 */
public interface ImageGenerator {

	Priced<byte[]> generate(ScriptScene scene, int width, int height);

}
