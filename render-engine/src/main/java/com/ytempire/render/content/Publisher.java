package com.ytempire.render.content;

import java.nio.file.Path;

/** Hands a finished video to its destination. */
public interface Publisher {

	/**
	 * @param progress what earlier attempts at this video got to; a publisher whose
	 * destination could end up with the video twice continues from it
	 */
	Priced<Publication> publish(Path video, VideoMetadata metadata, PublishProgress progress);

}
