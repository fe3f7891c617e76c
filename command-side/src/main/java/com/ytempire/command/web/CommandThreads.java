package com.ytempire.command.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that handle commands sent over HTTP. A command blocks on its database
 * transaction, so it runs off the event loop; and once it runs, it runs to its end even
 * when the client goes away: Reactor's elastic scheduler would interrupt it, and an
 * interrupted handler fails after it has done its work. A command that has not started
 * when its client leaves is never started. When every thread is busy and the queue is
 * full, a command is refused at once rather than left waiting.
 */
@Component
public class CommandThreads implements DisposableBean {

	private final ThreadPoolExecutor executor;

	private final Scheduler scheduler;

	CommandThreads(@Value("${ytempire.commands.threads:32}") int threads,
			@Value("${ytempire.commands.queue:10000}") int queue) {
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queue), named("command-"));
		// Handed over as a plain Executor: given the ExecutorService itself, Reactor
		// would cancel with an interrupt.
		Executor plain = this.executor::execute;
		this.scheduler = Schedulers.fromExecutor(plain);
	}

	Scheduler scheduler() {
		return this.scheduler;
	}

	/** Every thread busy and the queue full: a command sent now would be refused. */
	boolean full() {
		return this.executor.getQueue().remainingCapacity() == 0;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(30, TimeUnit.SECONDS);
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
