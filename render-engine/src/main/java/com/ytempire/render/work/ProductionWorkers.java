package com.ytempire.render.work;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Threads that take production work from the queue and run it, so slow work (a render
 * takes seconds to minutes) never runs on the saga's thread. Idle workers wake when work
 * is queued here, and look again after a short while for work queued by other nodes.
 */
public class ProductionWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProductionWorkers.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(15);

	private final ProductionQueue queue;

	private final StepRunner runner;

	private final int threads;

	private final Duration idlePoll;

	private final String name = ManagementFactory.getRuntimeMXBean().getName();

	private final Semaphore arrivals = new Semaphore(0);

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	public ProductionWorkers(ProductionQueue queue, StepRunner runner, int threads, Duration idlePoll) {
		this.queue = queue;
		this.runner = runner;
		this.threads = threads;
		this.idlePoll = idlePoll;
		queue.onArrival(this.arrivals::release);
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (int i = 1; i <= this.threads; i++) {
			Thread worker = new Thread(this::work, "production-worker-" + i);
			worker.setDaemon(true);
			worker.start();
			this.workers.add(worker);
		}
		log.info("{} production workers take work from the queue", this.threads);
	}

	@Override
	public void stop() {
		List<Thread> stopping;
		synchronized (this) {
			this.running = false;
			stopping = new ArrayList<>(this.workers);
			this.workers.clear();
		}
		// A step cut short here stays claimed; its time limit gives it to another
		// attempt.
		stopping.forEach(Thread::interrupt);
		// Waited for, so that no step still encodes or writes media while the rest of
		// the application (its database, its native encoder) shuts down beneath it.
		long deadline = System.nanoTime() + STOP_WAIT.toNanos();
		for (Thread worker : stopping) {
			try {
				worker.join(Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (worker.isAlive()) {
				log.warn("Production worker {} is still busy {} after it was asked to stop", worker.getName(),
						STOP_WAIT);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void work() {
		String worker = this.name + "/" + Thread.currentThread().getName();
		while (this.running) {
			try {
				Optional<StepRequest> request = this.queue.claim(worker);
				if (request.isPresent()) {
					boolean recorded = this.runner.run(request.get());
					this.queue.finish(request.get(), recorded);
				}
				else {
					this.arrivals.tryAcquire(this.idlePoll.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database went away for a moment; the work stays queued or claimed.
				log.warn("Production worker {} could not reach the queue: {}", worker, ex.getMessage());
				pause();
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.idlePoll.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
