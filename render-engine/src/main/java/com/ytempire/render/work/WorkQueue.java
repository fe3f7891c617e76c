package com.ytempire.render.work;

import com.ytempire.api.video.ProductionStep;

/** What the production saga asks of the queue its workers take work from. */
public interface WorkQueue {

	void enqueue(StepRequest request);

	/**
	 * Gives up an attempt that ran out of time, whether it still waits or a worker that
	 * died holds it.
	 */
	void abandon(String videoId, ProductionStep step, int attempt);

	/** A video left production: work nobody has started is dropped. */
	void withdraw(String videoId);

}
