package com.ytempire.ops;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The PostgreSQL holding the event store, found the way the application finds it.
 */
public interface OperatorDatabase extends AutoCloseable {

	Connection connect() throws SQLException;

	/** Creates or upgrades the application's tables, as the application does at start. */
	void migrateSchema();

	/** Where the database is, for the operator; never includes a password. */
	String description();

	@Override
	void close();

}
