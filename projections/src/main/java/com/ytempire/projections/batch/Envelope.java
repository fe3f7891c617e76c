package com.ytempire.projections.batch;

import java.time.Instant;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * An event as a projection folds it: the payload and the facts of the message around it.
 *
 * @param payload the event record
 * @param timestamp when the event happened (read models bucket by it, so a rebuild gives
 * the same buckets as the live run)
 * @param position the global event-store position, or -1 where the message has none
 */
public record Envelope(Object payload, Instant timestamp, long position) {

	public static Envelope of(EventMessage<?> message) {
		long position = (message instanceof TrackedEventMessage<?> tracked)
				? tracked.trackingToken().position().orElse(-1) : -1;
		return new Envelope(message.getPayload(), message.getTimestamp(), position);
	}

}
