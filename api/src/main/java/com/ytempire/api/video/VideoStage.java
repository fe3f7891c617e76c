package com.ytempire.api.video;

/**
 * Where a video is in production. The stages up to {@link #PUBLISHED} follow one another
 * strictly; {@link #FAILED}, {@link #CANCELLED} and {@link #HALTED} end production from
 * any earlier stage.
 */
public enum VideoStage {

	SCHEDULED, SCRIPT_READY, VOICE_READY, IMAGES_READY, RENDERING, RENDERED, PUBLISHED, FAILED, CANCELLED, HALTED;

	/** Whether no production stage may follow this one. */
	public boolean endsProduction() {
		return this == PUBLISHED || this == FAILED || this == CANCELLED || this == HALTED;
	}

	/** Whether the video can no longer change at all, costs included. */
	public boolean isFinal() {
		return this == PUBLISHED || this == CANCELLED;
	}

}
