package com.ytempire.app.deadletter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.ytempire.projections.batch.DeadLetterQueues;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * One JDBC dead-letter queue per projection, in Axon's {@code DeadLetterEntry} table. Its
 * connections come from Spring, so a projection's dead letters are written in the same
 * transaction as its token and read model.
 */
@Component
class ProjectionDeadLetterQueues implements DeadLetterQueues {

	/**
	 * Axon's default of 1024 aggregates would stop a projection once that many have a
	 * dead letter; the table costs little.
	 */
	private static final int MAX_SEQUENCES = 100_000;

	private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();

	private final DataSource dataSource;

	private final TransactionManager transactions;

	private final Serializer serializer;

	private final Serializer eventSerializer;

	ProjectionDeadLetterQueues(DataSource dataSource, TransactionManager transactions, Serializer serializer,
			@Qualifier("eventSerializer") Serializer eventSerializer) {
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.serializer = serializer;
		this.eventSerializer = eventSerializer;
	}

	@Override
	public SequencedDeadLetterQueue<EventMessage<?>> of(String projection) {
		return this.queues.computeIfAbsent(projection,
				(name) -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
					.processingGroup(name)
					.connectionProvider(new SpringDataSourceConnectionProvider(this.dataSource))
					.transactionManager(this.transactions)
					.genericSerializer(this.serializer)
					.eventSerializer(this.eventSerializer)
					.maxSequences(MAX_SEQUENCES)
					.build());
	}

}
