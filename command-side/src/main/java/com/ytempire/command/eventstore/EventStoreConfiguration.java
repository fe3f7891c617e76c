package com.ytempire.command.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * The event store on PostgreSQL through Axon's JDBC engine, and the snapshot policy of
 * the aggregates.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

	/**
	 * A video collects one event per stage and per cost; past this many events, loading
	 * it from a snapshot is cheaper than replaying its stream.
	 */
	private static final int VIDEO_SNAPSHOT_THRESHOLD = 50;

	private static final int CHANNEL_SNAPSHOT_THRESHOLD = 100;

	@Bean
	EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
			@Qualifier("eventSerializer") Serializer eventSerializer,
			PersistenceExceptionResolver persistenceExceptionResolver, Configuration configuration,
			ConnectionProvider connectionProvider, TransactionManager transactionManager, CommandPositions positions) {
		JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
			.snapshotSerializer(defaultSerializer)
			.eventSerializer(eventSerializer)
			.upcasterChain(configuration.upcasterChain())
			.snapshotFilter(configuration.snapshotFilter())
			.persistenceExceptionResolver(persistenceExceptionResolver)
			.connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.schema(new EventSchema());
		return new PositionRecordingEventStorageEngine(builder, positions);
	}

	/**
	 * Tells a unique-key violation on (aggregate, sequence) apart from other failures, so
	 * that two processes appending to one aggregate at once end in Axon's
	 * {@code ConcurrencyException} (answered 409: send it again). With Axon's default the
	 * loser of such a race was answered 500.
	 */
	@Bean
	PersistenceExceptionResolver persistenceExceptionResolver() {
		return new UniqueViolationResolver();
	}

	@Bean
	SnapshotTriggerDefinition videoSnapshotTrigger(Snapshotter snapshotter) {
		return new EventCountSnapshotTriggerDefinition(snapshotter, VIDEO_SNAPSHOT_THRESHOLD);
	}

	@Bean
	SnapshotTriggerDefinition channelSnapshotTrigger(Snapshotter snapshotter) {
		return new EventCountSnapshotTriggerDefinition(snapshotter, CHANNEL_SNAPSHOT_THRESHOLD);
	}

}
