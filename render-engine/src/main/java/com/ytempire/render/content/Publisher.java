package com.ytempire.render.content;

import java.nio.file.Path;

/** Hands a finished video to its destination. */
public interface Publisher {

	Priced<Publication> publish(Path video, VideoMetadata metadata);

}
