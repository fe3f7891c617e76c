package com.ytempire.render.saga;

import java.util.ArrayList;
import java.util.List;

import com.ytempire.api.video.ProductionStep;
import com.ytempire.render.work.StepRequest;
import com.ytempire.render.work.WorkQueue;

/** Keeps what the saga asked of its queue, for the fixture to check. */
final class RecordingWorkQueue implements WorkQueue {

	final List<StepRequest> queued = new ArrayList<>();

	final List<String> abandoned = new ArrayList<>();

	final List<String> withdrawn = new ArrayList<>();

	@Override
	public void enqueue(StepRequest request) {
		this.queued.add(request);
	}

	@Override
	public void abandon(String videoId, ProductionStep step, int attempt) {
		this.abandoned.add(videoId + " " + step + " " + attempt);
	}

	@Override
	public void withdraw(String videoId) {
		this.withdrawn.add(videoId);
	}

	StepRequest last() {
		return this.queued.get(this.queued.size() - 1);
	}

}
