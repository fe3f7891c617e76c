package com.ytempire.render.work;

import java.time.Instant;
import java.util.List;

import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.ProductionStep;

/**
 * Everything a worker needs to run one attempt at one step: the video's brief and the
 * files the earlier steps made (null until made). The title is null in requests queued
 * before it was part of the brief; their script keeps the writer's title.
 */
public record StepRequest(String videoId, ProductionStep step, int attempt, String title, String topic,
		Instant publishAt, MediaRef script, MediaRef voice, List<Long> sceneMillis, List<MediaRef> images,
		MediaRef video) {

	public StepRequest {
		sceneMillis = (sceneMillis != null) ? List.copyOf(sceneMillis) : List.of();
		images = (images != null) ? List.copyOf(images) : List.of();
	}

	/**
	 * A cost's id: the same for a repeated report of one cost, distinct across attempts.
	 */
	public String costId(int index) {
		return this.videoId + "/" + this.step.name().toLowerCase() + "/" + this.attempt + "/" + index;
	}

	@Override
	public String toString() {
		return this.step.name().toLowerCase() + " attempt " + this.attempt + " of video " + this.videoId;
	}

}
