package com.ytempire.projections.batch;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

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
 */
public abstract class Projection {

	private final String batchKey = getClass().getName() + ".batch";

	/** The processing group, which is also the processor's name. */
	public abstract String name();

	/** The tables this projection owns, in an order that can be truncated and filled. */
	public abstract List<String> tables();

	/**
	 * Applies events, in position order, to the tables of the given set. Runs inside the
	 * caller's transaction.
	 */
	public abstract void apply(List<Envelope> events, TableSet tables);

	@EventHandler
	void on(Object payload, EventMessage<?> message) {
		UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
		List<Envelope> batch = unitOfWork.getOrComputeResource(this.batchKey, (key) -> {
			List<Envelope> events = new ArrayList<>();
			unitOfWork.onPrepareCommit((committing) -> apply(events, TableSet.LIVE));
			return events;
		});
		batch.add(Envelope.of(message));
	}

}
