package com.ytempire.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine, which also learns the global positions its appends received
 * (the database assigns them) and reports them to {@link CommandPositions} once the
 * transaction commits.
 */
class PositionRecordingEventStorageEngine extends JdbcEventStorageEngine {

	private final CommandPositions positions;

	PositionRecordingEventStorageEngine(Builder builder, CommandPositions positions) {
		super(builder);
		this.positions = positions;
	}

	@Override
	protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
		super.appendEvents(events, serializer);
		if (events.isEmpty() || !CurrentUnitOfWork.isStarted()) {
			return;
		}
		long highest = highestPosition(events);
		CurrentUnitOfWork.get().root().afterCommit((unitOfWork) -> this.positions.committed(highest));
	}

	private long highestPosition(List<? extends EventMessage<?>> events) {
		String sql = "SELECT max(" + schema().globalIndexColumn() + ") FROM " + schema().domainEventTable() + " WHERE "
				+ schema().eventIdentifierColumn() + " = ANY (?)";
		String[] identifiers = events.stream().map(EventMessage::getIdentifier).toArray(String[]::new);
		try (Connection connection = getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("varchar", identifiers));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new EventStoreException("Could not read the positions of the events just appended", ex);
		}
	}

}
