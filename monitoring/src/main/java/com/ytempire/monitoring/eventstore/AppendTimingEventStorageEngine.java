package com.ytempire.monitoring.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The application's storage engine with its appends timed and counted; every other call
 * goes straight through.
 */
class AppendTimingEventStorageEngine implements EventStorageEngine {

	private final EventStorageEngine delegate;

	private final Timer appendTime;

	private final Counter appended;

	AppendTimingEventStorageEngine(EventStorageEngine delegate, Timer appendTime, Counter appended) {
		this.delegate = delegate;
		this.appendTime = appendTime;
		this.appended = appended;
	}

	@Override
	public void appendEvents(List<? extends EventMessage<?>> events) {
		this.appendTime.record(() -> this.delegate.appendEvents(events));
		this.appended.increment(events.size());
	}

	@Override
	public void storeSnapshot(DomainEventMessage<?> snapshot) {
		this.delegate.storeSnapshot(snapshot);
	}

	@Override
	public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
		return this.delegate.readEvents(trackingToken, mayBlock);
	}

	@Override
	public DomainEventStream readEvents(String aggregateIdentifier) {
		return this.delegate.readEvents(aggregateIdentifier);
	}

	@Override
	public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
		return this.delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
	}

	@Override
	public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
		return this.delegate.readSnapshot(aggregateIdentifier);
	}

	@Override
	public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
		return this.delegate.lastSequenceNumberFor(aggregateIdentifier);
	}

	@Override
	public TrackingToken createTailToken() {
		return this.delegate.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return this.delegate.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return this.delegate.createTokenAt(dateTime);
	}

}
