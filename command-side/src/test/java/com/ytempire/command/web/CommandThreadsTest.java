package com.ytempire.command.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.ytempire.api.audit.AuditMetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.Disposable;
import reactor.util.context.Context;

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
		Disposable client = this.threads.run(() -> {
			started.countDown();
			release.await();
			interrupted.complete(Thread.currentThread().isInterrupted());
			return "done";
		}).subscribe();

		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		client.dispose();
		release.countDown();

		assertThat(interrupted.get(10, TimeUnit.SECONDS)).isFalse();
	}

	@Test
	void aCommandWhoseClientLeftBeforeItStartedNeverRuns() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.threads.run(() -> release.await(10, TimeUnit.SECONDS)).subscribe();
		AtomicBoolean ran = new AtomicBoolean();
		Disposable waiting = this.threads.run(() -> ran.getAndSet(true)).subscribe();

		waiting.dispose();
		release.countDown();
		this.threads.run(() -> "after").block(Duration.ofSeconds(10));

		assertThat(ran).isFalse();
	}

	@Test
	void aCommandBeyondTheQueueIsRefusedAtOnce() {
		CountDownLatch release = new CountDownLatch(1);
		this.threads.run(() -> release.await(10, TimeUnit.SECONDS)).subscribe();
		this.threads.run(() -> "queued").subscribe();
		this.threads.run(() -> "queued too").subscribe();
		try {
			assertThatThrownBy(() -> this.threads.run(() -> "refused").block(Duration.ofSeconds(10)))
				.isInstanceOf(RejectedExecutionException.class)
				.hasMessageContaining("queue is full");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aCommandLogsUnderItsRequestsIdAndTheNextOneDoesNot() {
		String during = this.threads.run(() -> MDC.get(AuditMetaData.REQUEST_ID))
			.contextWrite(Context.of(AuditMetaData.REQUEST_ID, "abc-123"))
			.block(Duration.ofSeconds(10));
		String after = this.threads.run(() -> String.valueOf(MDC.get(AuditMetaData.REQUEST_ID)))
			.block(Duration.ofSeconds(10));

		assertThat(during).isEqualTo("abc-123");
		assertThat(after).isEqualTo("null");
	}

}
