package com.ytempire.render.work;

import java.time.Instant;
import java.util.List;

import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.ProductionStep;
import com.ytempire.render.content.Brief;

/**
 * Everything a worker needs to run one attempt at one step: the video's brief and the
 * files the earlier steps made (null until made). Requests queued before the title, style
 * and length were part of the brief lack them: their script keeps the writer's title, and
 * {@link Brief} gives the default look and length.
 */
public record StepRequest(String videoId, ProductionStep step, int attempt, String title, String topic, String style,
		int targetLengthSeconds, Instant publishAt, MediaRef script, MediaRef voice, List<Long> sceneMillis,
		List<MediaRef> images, MediaRef video) {

	public StepRequest {
		sceneMillis = (sceneMillis != null) ? List.copyOf(sceneMillis) : List.of();
		images = (images != null) ? List.copyOf(images) : List.of();
	}

	public Brief brief() {
		return Brief.of(this.title, this.topic, this.style, this.targetLengthSeconds);
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
