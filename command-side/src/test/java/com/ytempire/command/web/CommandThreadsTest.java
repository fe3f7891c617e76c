package com.ytempire.command.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandThreadsTest {

	private final CommandThreads threads = new CommandThreads(1, 2);

	@AfterEach
	void tearDown() throws InterruptedException {
		this.threads.destroy();
	}

	@Test
	void aRunningCommandWhoseClientLeavesRunsToItsEndUninterrupted() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
		Disposable client = Mono.fromCallable(() -> {
			started.countDown();
			release.await();
			interrupted.complete(Thread.currentThread().isInterrupted());
			return "done";
		}).subscribeOn(this.threads.scheduler()).subscribe();

		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		client.dispose();
		release.countDown();

		assertThat(interrupted.get(10, TimeUnit.SECONDS)).isFalse();
	}

	@Test
	void aCommandWhoseClientLeftBeforeItStartedNeverRuns() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Mono.fromCallable(() -> release.await(10, TimeUnit.SECONDS)).subscribeOn(this.threads.scheduler()).subscribe();
		AtomicBoolean ran = new AtomicBoolean();
		Disposable waiting = Mono.fromRunnable(() -> ran.set(true)).subscribeOn(this.threads.scheduler()).subscribe();

		waiting.dispose();
		release.countDown();
		Mono.fromCallable(() -> "after").subscribeOn(this.threads.scheduler()).block(Duration.ofSeconds(10));

		assertThat(ran).isFalse();
	}

	@Test
	void aCommandBeyondTheQueueIsRefusedAtOnce() {
		CountDownLatch release = new CountDownLatch(1);
		Mono.fromCallable(() -> release.await(10, TimeUnit.SECONDS)).subscribeOn(this.threads.scheduler()).subscribe();
		Mono.fromCallable(() -> "queued").subscribeOn(this.threads.scheduler()).subscribe();
		Mono.fromCallable(() -> "queued too").subscribeOn(this.threads.scheduler()).subscribe();
		try {
			assertThatThrownBy(() -> Mono.fromCallable(() -> "refused")
				.subscribeOn(this.threads.scheduler())
				.block(Duration.ofSeconds(10))).isInstanceOf(RejectedExecutionException.class);
		}
		finally {
			release.countDown();
		}
	}

}
