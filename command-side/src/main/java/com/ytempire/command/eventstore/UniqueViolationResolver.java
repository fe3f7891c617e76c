package com.ytempire.command.eventstore;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in a failure's
 * causes, batch entries included. Axon's default JDBC resolver only knows
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never
 * throws, and its SQL error-code resolver needs JPA on the class path.
 */
class UniqueViolationResolver implements PersistenceExceptionResolver {

	private static final String UNIQUE_VIOLATION = "23505";

	@Override
	public boolean isDuplicateKeyViolation(Exception exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				for (SQLException next = sql; next != null; next = next.getNextException()) {
					if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
