package com.ytempire.render.content;

import java.nio.file.Path;

/**
 * Where a published video and its metadata ended up.
 *
 * @param externalId the id the destination gave the video (YouTube's video id; for the
 * outbox, its file name), short enough to be recorded with the video
 * @param location where a person finds it: a watch URL or a file URI
 * @param metadata the metadata file written beside the video, or null where the
 * destination keeps the metadata itself
 */
public record Publication(String externalId, String location, Path video, Path metadata) {
}
