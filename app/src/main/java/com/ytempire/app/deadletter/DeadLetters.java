package com.ytempire.app.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.ytempire.projections.batch.Projection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Lists the projections' dead letters and retries them.
 */
@Service
class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final Map<String, Projection> projections;

	private final ProjectionDeadLetterQueues queues;

	DeadLetters(List<Projection> projections, ProjectionDeadLetterQueues queues) {
		this.projections = projections.stream().collect(Collectors.toMap(Projection::name, Function.identity()));
		this.queues = queues;
	}

	List<DeadLetterView> list() {
		List<DeadLetterView> letters = new ArrayList<>();
		this.projections.keySet().stream().sorted().forEach((name) -> {
			for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : this.queues.of(name).deadLetters()) {
				sequence.forEach((letter) -> letters.add(view(name, letter)));
			}
		});
		return letters;
	}

	/**
	 * Tries every dead sequence once, oldest first: each letter is folded again, in
	 * order, and leaves the queue when that works; a sequence stops at its first letter
	 * that fails again.
	 * @return how many letters left the queue
	 */
	RetryResult retry() {
		long before = 0;
		long after = 0;
		for (Projection projection : this.projections.values()) {
			SequencedDeadLetterQueue<EventMessage<?>> queue = this.queues.of(projection.name());
			before += queue.size();
			long sequences = queue.amountOfSequences();
			for (long i = 0; i < sequences; i++) {
				queue.process((letter) -> retry(projection, letter));
			}
			after += queue.size();
		}
		return new RetryResult(before - after, after);
	}

	private static EnqueueDecision<EventMessage<?>> retry(Projection projection,
			DeadLetter<? extends EventMessage<?>> letter) {
		try {
			projection.applyAlone(letter.message());
			log.info("Dead letter {} of projection {} folded on retry", letter.message().getIdentifier(),
					projection.name());
			return Decisions.evict();
		}
		catch (RuntimeException ex) {
			return Decisions.requeue(Projection.causeToKeep(ex));
		}
	}

	private static DeadLetterView view(String projection, DeadLetter<? extends EventMessage<?>> letter) {
		EventMessage<?> message = letter.message();
		String id = (letter instanceof JdbcDeadLetter<?> stored) ? stored.getIdentifier() : null;
		String sequence = (letter instanceof JdbcDeadLetter<?> stored) ? stored.getSequenceIdentifier()
				: String.valueOf(Projection.sequenceOf(message));
		Cause cause = letter.cause().orElse(null);
		return new DeadLetterView(id, projection, sequence, message.getIdentifier(), message.getPayloadType().getName(),
				message.getTimestamp(), (cause != null) ? cause.type() : null, (cause != null) ? cause.message() : null,
				letter.enqueuedAt(), letter.lastTouched());
	}

	/**
	 * @param retried letters folded and gone from the queue
	 * @param remaining letters still in the queue
	 */
	record RetryResult(long retried, long remaining) {

	}

}
