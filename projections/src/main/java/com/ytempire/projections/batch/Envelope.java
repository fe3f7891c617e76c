package com.ytempire.projections.batch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * An event as a projection folds it: the payload and the facts of the message around it.
 *
 * @param payload the event record
 * @param timestamp when the event happened (read models bucket by it, so a rebuild gives
 * the same buckets as the live run)
 * @param position the processor's position after the event; for an event that filled a
 * gap in the store it is the highest position seen so far, not the event's own (see
 * {@link StoredPositions})
 * @param eventId the event's identifier
 */
public record Envelope(Object payload, Instant timestamp, long position, String eventId) {

	public static Envelope of(EventMessage<?> message) {
		long position = (message instanceof TrackedEventMessage<?> tracked)
				? tracked.trackingToken().position().orElse(-1) : -1;
		// The event store keeps milliseconds; an event handed over from memory right
		// after its
		// append still has nanoseconds. Truncating makes a live run and a replay write
		// the same rows.
		return new Envelope(message.getPayload(), message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), position,
				message.getIdentifier());
	}

}
