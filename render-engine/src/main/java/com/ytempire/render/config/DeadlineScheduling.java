package com.ytempire.render.config;

import com.github.kagkarlsson.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the deadline scheduler while the application runs: it starts once everything a
 * deadline handler needs is up, and stops before the database goes away. Axon does not
 * start a scheduler that the application itself provides.
 */
final class DeadlineScheduling implements SmartLifecycle {

	private final Scheduler scheduler;

	private volatile boolean running;

	DeadlineScheduling(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void start() {
		this.scheduler.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.scheduler.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
