package com.ytempire.projections.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read model built by folding batches of events into PostgreSQL tables.
 * <p>
 * The processor hands events one by one; they are collected in the unit of work of the
 * processor's batch and folded once, just before it commits. Axon stores the processor's
 * token in that same transaction, so the read model and the token move together: a crash
 * loses or repeats nothing. One fold per batch also turns thousands of events into a few
 * set-based upserts.
 * <p>
 * Every event is accepted, also those a projection ignores, so each batch stores the
 * token as far as the processor has read and "the token has passed position P" is exact.
 * <p>
 * An event the fold cannot take (a poison event) would fail its batch again and again and
 * stop the projection. So when the processor retries a failed batch, it is folded event
 * by event, each inside a savepoint, and an event that fails on its own goes to the
 * projection's dead-letter queue, in the same transaction as the token. Later events of
 * the same aggregate queue up behind it, so an aggregate's events are never folded out of
 * order; the others move on. An operator retries the queue once the cause is fixed
 * ({@link #applyAlone}).
 */
public abstract class Projection {

	private static final Logger log = LoggerFactory.getLogger(Projection.class);

	/** The dead-letter table's cause column holds 1023 characters. */
	private static final int MAX_CAUSE_LENGTH = 1000;

	private final String batchKey = getClass().getName() + ".batch";

	private DeadLetterQueues deadLetters;

	private TransactionTemplate savepoints;

	/**
	 * First events of batches that failed: their retry is folded event by event. The
	 * first try goes without savepoints, so rows and token carry one transaction id.
	 */
	private final Set<String> failedBatchStarts = ConcurrentHashMap.newKeySet();

	/** The processing group, which is also the processor's name. */
	public abstract String name();

	/** The tables this projection owns, in an order that can be truncated and filled. */
	public abstract List<String> tables();

	/**
	 * Applies events, in position order, to the tables of the given set. Runs inside the
	 * caller's transaction.
	 */
	public abstract void apply(List<Envelope> events, TableSet tables);

	/**
	 * Without dead-letter queues (a test that builds a projection by hand), a poison
	 * event stops the projection as before.
	 */
	@Autowired(required = false)
	void deadLetters(DeadLetterQueues deadLetters, PlatformTransactionManager transactionManager) {
		this.deadLetters = deadLetters;
		this.savepoints = new TransactionTemplate(transactionManager);
		this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@EventHandler
	void on(Object payload, EventMessage<?> message) {
		UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
		List<EventMessage<?>> batch = unitOfWork.getOrComputeResource(this.batchKey, (key) -> {
			List<EventMessage<?>> events = new ArrayList<>();
			unitOfWork.onPrepareCommit((committing) -> fold(events));
			return events;
		});
		batch.add(message);
	}

	/**
	 * Folds one event on its own into the live tables, inside a savepoint of the caller's
	 * transaction (or a transaction of its own): a dead letter being retried.
	 * @throws RuntimeException when the event still cannot be folded
	 */
	public void applyAlone(EventMessage<?> message) {
		this.savepoints.executeWithoutResult((status) -> apply(List.of(Envelope.of(message)), TableSet.LIVE));
	}

	private void fold(List<EventMessage<?>> messages) {
		if (this.deadLetters == null) {
			apply(envelopes(messages), TableSet.LIVE);
			return;
		}
		SequencedDeadLetterQueue<EventMessage<?>> queue = this.deadLetters.of(name());
		Set<Object> held = heldSequences(queue, messages);
		String start = messages.get(0).getIdentifier();
		if (held.isEmpty() && !this.failedBatchStarts.remove(start)) {
			try {
				apply(envelopes(messages), TableSet.LIVE);
				return;
			}
			catch (RuntimeException ex) {
				// The processor rolls the batch back and tries it again: then event by
				// event.
				this.failedBatchStarts.add(start);
				throw ex;
			}
		}
		List<EventMessage<?>> free = new ArrayList<>();
		for (EventMessage<?> message : messages) {
			if (held.contains(sequenceOf(message))) {
				queue.enqueue(sequenceOf(message), new GenericDeadLetter<>(sequenceOf(message), message));
			}
			else {
				free.add(message);
			}
		}
		if (folded(free)) {
			return;
		}
		for (EventMessage<?> message : free) {
			Object sequence = sequenceOf(message);
			if (held.contains(sequence)) {
				queue.enqueue(sequence, new GenericDeadLetter<>(sequence, message));
				continue;
			}
			try {
				applyAlone(message);
			}
			catch (RuntimeException ex) {
				Throwable cause = causeToKeep(ex);
				log.warn("Projection {} cannot fold event {} ({}); it goes to the dead-letter queue: {}", name(),
						message.getIdentifier(), message.getPayloadType().getSimpleName(), cause.getMessage());
				queue.enqueue(sequence, new GenericDeadLetter<>(sequence, message, cause));
				held.add(sequence);
			}
		}
	}

	/**
	 * Folds the events together inside a savepoint; false, with nothing written, if that
	 * fails.
	 */
	private boolean folded(List<EventMessage<?>> messages) {
		try {
			this.savepoints.executeWithoutResult((status) -> apply(envelopes(messages), TableSet.LIVE));
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Projection {} failed a batch of {} events; folding them one by one", name(), messages.size(),
					ex);
			return false;
		}
	}

	/**
	 * The batch's sequences that already have dead letters; one query per sequence, only
	 * when the queue is not empty.
	 */
	private static Set<Object> heldSequences(SequencedDeadLetterQueue<EventMessage<?>> queue,
			List<EventMessage<?>> messages) {
		Set<Object> held = new HashSet<>();
		if (queue.amountOfSequences() == 0) {
			return held;
		}
		Set<Object> sequences = new LinkedHashSet<>();
		messages.forEach((message) -> sequences.add(sequenceOf(message)));
		sequences.stream().filter(queue::contains).forEach(held::add);
		return held;
	}

	/**
	 * The failure as a dead letter keeps it: the most specific cause (a SQL error's own
	 * message, not the statement around it), short enough for the queue's column.
	 */
	public static Throwable causeToKeep(Throwable failure) {
		return ThrowableCause.truncated(NestedExceptionUtils.getMostSpecificCause(failure), MAX_CAUSE_LENGTH);
	}

	/**
	 * An aggregate's events form one sequence, as in Axon's default sequencing policy.
	 */
	public static Object sequenceOf(EventMessage<?> message) {
		Object aggregate = SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(message);
		return (aggregate != null) ? aggregate : message.getIdentifier();
	}

	private static List<Envelope> envelopes(List<EventMessage<?>> messages) {
		return messages.stream().map(Envelope::of).toList();
	}

}
