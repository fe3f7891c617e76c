package com.ytempire.render.content;

import java.nio.file.Path;

/** Where a published video and its metadata ended up. */
public record Publication(String location, Path video, Path metadata) {
}
