package com.ytempire.query.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the event store and hands video events to every live-feed subscriber in
 * position order, each exactly once.
 * <p>
 * Positions come from a sequence and commit out of order: 106 may be visible while 105 is
 * still being written. The feed therefore releases a position only when everything below
 * it is settled: visible, or known never to come. A missing position is known never to
 * come once every transaction that could still have held it has ended (PostgreSQL's
 * snapshot horizon has moved past them), or, as a last resort, after a minute. Because
 * released positions only grow, "everything after Last-Event-ID" is exact on resume.
 */
@Component
class EventFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

	private static final int POLL_ROWS = 1000;

	/** How far below the head the feed starts settling positions at start-up. */
	private static final int START_WINDOW = 1000;

	private static final Duration GAP_GIVE_UP = Duration.ofMinutes(1);

	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(30);

	private static final int SUBSCRIBER_BUFFER = 10_000;

	private final EventLog events;

	private final Duration pollInterval;

	private final Object lock = new Object();

	private final List<Sinks.Many<FeedEvent>> subscribers = new CopyOnWriteArrayList<>();

	private final Map<Long, Gap> gaps = new HashMap<>();

	private final Sinks.One<Boolean> ready = Sinks.one();

	private long released = -1;

	private long polls;

	private Disposable polling;

	EventFeed(EventLog events, @Value("${ytempire.query.feed.poll-interval:50ms}") Duration pollInterval) {
		this.events = events;
		this.pollInterval = pollInterval;
	}

	/**
	 * Video events after {@code lastEventId} (from the store), then live ones; with no
	 * {@code lastEventId}, live events only.
	 */
	Flux<FeedEvent> subscribe(Long lastEventId) {
		return this.ready.asMono().thenMany(Flux.defer(() -> {
			Sinks.Many<FeedEvent> sink = Sinks.many()
				.unicast()
				.onBackpressureBuffer(Queues.<FeedEvent>get(SUBSCRIBER_BUFFER).get());
			long settled;
			synchronized (this.lock) {
				settled = this.released;
				this.subscribers.add(sink);
			}
			long from = (lastEventId != null) ? lastEventId : settled;
			Flux<FeedEvent> history = (from < settled) ? this.events.between(from, settled) : Flux.empty();
			long liveAfter = Math.max(from, settled);
			return history.concatWith(sink.asFlux().filter((event) -> event.position() > liveAfter))
				.doFinally((signal) -> this.subscribers.remove(sink));
		}));
	}

	/** The highest position below which every event has been released. */
	long releasedPosition() {
		synchronized (this.lock) {
			return this.released;
		}
	}

	private Mono<Void> poll() {
		long after;
		synchronized (this.lock) {
			after = this.released;
		}
		return this.events.after(after, POLL_ROWS).doOnNext(this::release).then();
	}

	private void release(EventLog.Batch batch) {
		synchronized (this.lock) {
			this.polls++;
			long now = System.nanoTime();
			// A gap's horizon is taken one poll after it was first seen: by then the
			// transaction holding it has surely been given its id.
			this.gaps.values()
				.stream()
				.filter((gap) -> gap.xmaxAfter == null && gap.seenAtPoll < this.polls)
				.forEach((gap) -> gap.xmaxAfter = batch.xmax());
			long expected = this.released + 1;
			for (EventLog.Stored row : batch.rows()) {
				while (expected < row.position()) {
					Gap gap = this.gaps.computeIfAbsent(expected, (position) -> new Gap(this.polls, now));
					if (!gap.settled(batch.xmin(), now)) {
						return;
					}
					if (gap.xmaxAfter == null || batch.xmin() < gap.xmaxAfter) {
						log.warn("Live feed skips position {}: missing for {}", expected, GAP_GIVE_UP);
					}
					this.gaps.remove(expected);
					this.released = expected++;
				}
				this.gaps.remove(row.position());
				this.released = row.position();
				expected = row.position() + 1;
				if (row.isVideoEvent()) {
					emit(this.events.decode(row));
				}
			}
		}
	}

	private void emit(FeedEvent event) {
		for (Sinks.Many<FeedEvent> subscriber : this.subscribers) {
			if (subscriber.tryEmitNext(event).isFailure()) {
				// A subscriber this far behind reconnects with Last-Event-ID and catches
				// up
				// from the store.
				subscriber.tryEmitError(new IllegalStateException("live feed subscriber fell too far behind"));
				this.subscribers.remove(subscriber);
			}
		}
	}

	@Override
	public void start() {
		this.polling = this.events.head().doOnNext((head) -> {
			synchronized (this.lock) {
				this.released = Math.max(0, head - START_WINDOW);
			}
			this.ready.tryEmitValue(true);
		})
			.thenMany(Flux.interval(this.pollInterval)
				.onBackpressureDrop()
				// A poll that hangs would stop the feed for good: give it up and poll
				// again.
				.concatMap((tick) -> poll().timeout(POLL_TIMEOUT).onErrorResume((ex) -> {
					log.warn("Live feed could not read the event store; retrying", ex);
					return Mono.empty();
				}), 1))
			.subscribe();
	}

	@Override
	public void stop() {
		if (this.polling != null) {
			this.polling.dispose();
		}
		this.subscribers.forEach(Sinks.Many::tryEmitComplete);
	}

	@Override
	public boolean isRunning() {
		return this.polling != null && !this.polling.isDisposed();
	}

	private static final class Gap {

		private final long seenAtPoll;

		private final long seenAtNanos;

		private Long xmaxAfter;

		Gap(long seenAtPoll, long seenAtNanos) {
			this.seenAtPoll = seenAtPoll;
			this.seenAtNanos = seenAtNanos;
		}

		boolean settled(long xmin, long now) {
			return (this.xmaxAfter != null && xmin >= this.xmaxAfter) || now - this.seenAtNanos > GAP_GIVE_UP.toNanos();
		}

	}

}
