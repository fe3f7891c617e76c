package com.ytempire.render.media;

import java.nio.file.Path;

/** The media store's disk lacks room for the next piece of work. */
public class InsufficientDiskSpaceException extends RuntimeException {

	public InsufficientDiskSpaceException(Path root, long needed, long usable, long reserve) {
		super("not enough disk space in the media store " + root + ": need " + megabytes(needed)
				+ " MB plus a reserve of " + megabytes(reserve) + " MB, but only " + megabytes(usable)
				+ " MB are free");
	}

	private static long megabytes(long bytes) {
		return bytes / (1024 * 1024);
	}

}
