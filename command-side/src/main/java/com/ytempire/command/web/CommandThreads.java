package com.ytempire.command.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.ytempire.api.audit.AuditMetaData;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that handle commands sent over HTTP. A command blocks on its database
 * transaction, so it runs off the event loop; and once it runs, it runs to its end even
 * when the client goes away: an interrupted handler fails after it has done its work. A
 * command that has not started when its client leaves is never started. When every thread
 * is busy and the queue is full, a command is refused at once rather than left waiting.
 * <p>
 * Work is handed to the executor directly rather than through a Reactor scheduler: a
 * scheduler interrupts on cancel, and reports the executor's refusal of a shed command to
 * the thread's uncaught-exception handler, a stack trace on standard error each time.
 * <p>
 * A command's log lines carry the id of the request that sent it, taken from the
 * subscriber's Reactor context: a thread of the pool knows nothing of the request.
 */
@Component
public class CommandThreads implements DisposableBean {

	private final ThreadPoolExecutor executor;

	CommandThreads(@Value("${ytempire.commands.threads:32}") int threads,
			@Value("${ytempire.commands.queue:10000}") int queue) {
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queue), named("command-"));
	}

	/**
	 * Runs {@code work} on a command thread once subscribed; it fails with a
	 * {@link RejectedExecutionException} when every thread is busy and the queue is full.
	 */
	<T> Mono<T> run(Callable<T> work) {
		return Mono.deferContextual((context) -> {
			String requestId = context.getOrDefault(AuditMetaData.REQUEST_ID, null);
			CompletableFuture<T> result = new CompletableFuture<>();
			try {
				this.executor.execute(() -> complete(result, work, requestId));
			}
			catch (RejectedExecutionException ex) {
				return Mono.error(new RejectedExecutionException("Every command thread is busy and the queue is full"));
			}
			// A cancelled subscriber cancels the future, which never interrupts.
			return Mono.fromFuture(result);
		});
	}

	private static <T> void complete(CompletableFuture<T> result, Callable<T> work, String requestId) {
		if (result.isCancelled()) {
			return;
		}
		if (requestId != null) {
			MDC.put(AuditMetaData.REQUEST_ID, requestId);
		}
		try {
			result.complete(work.call());
		}
		catch (Exception | Error ex) {
			result.completeExceptionally(ex);
		}
		finally {
			// A pooled thread must not lend this request's id to the next command.
			MDC.remove(AuditMetaData.REQUEST_ID);
		}
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
