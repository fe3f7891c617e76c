package com.ytempire.render.work;

/**
 * Who did each step, as recorded with its cost (the voice names itself: espeak-ng or the
 * placeholder tone).
 */
public record ProviderNames(String script, String images, String render, String publish) {
}
