package com.ytempire.projections.batch;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * The dead-letter queue of each projection: where it puts the events it cannot fold, so
 * that one bad event does not stop it for good.
 */
public interface DeadLetterQueues {

	SequencedDeadLetterQueue<EventMessage<?>> of(String projection);

}
