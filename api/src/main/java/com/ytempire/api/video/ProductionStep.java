package com.ytempire.api.video;

/**
 * The work that takes a scheduled video to publication, in order. Each step's result
 * moves the video to its next {@link VideoStage}.
 */
public enum ProductionStep {

	SCRIPT, VOICE, IMAGES, RENDER, PUBLISH;

	/** The stage a video must be in for this step to start. */
	public VideoStage startsFrom() {
		return switch (this) {
			case SCRIPT -> VideoStage.SCHEDULED;
			case VOICE -> VideoStage.SCRIPT_READY;
			case IMAGES -> VideoStage.VOICE_READY;
			case RENDER -> VideoStage.RENDERING;
			case PUBLISH -> VideoStage.RENDERED;
		};
	}

}
