package com.ytempire.app.deadletter;

import java.time.Instant;

/**
 * A dead letter as the admin API shows it.
 *
 * @param id the dead letter's identifier
 * @param projection the projection that could not fold the event
 * @param sequence the aggregate whose later events wait behind this one
 * @param eventId the event's identifier in the event store
 * @param eventType the event's type
 * @param occurredAt when the event happened
 * @param causeType the failure's type, or {@code null} for an event only waiting behind
 * an earlier one of its aggregate
 * @param causeMessage the failure's message
 * @param enqueuedAt when it went to the queue
 * @param lastTouched when it was last tried
 */
record DeadLetterView(String id, String projection, String sequence, String eventId, String eventType,
		Instant occurredAt, String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {

}
