package com.ytempire.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The PostgreSQL holding the event store, found the way the application finds it.
 */
public interface OperatorDatabase extends AutoCloseable {

	Connection connect() throws SQLException;

	/** Creates or upgrades the application's tables, as the application does at start. */
	void migrateSchema();

	/** Where the database is, for the operator; never includes a password. */
	String description();

	/**
	 * A new, empty database beside this one on the same server, for the recovery drill to
	 * restore into; closing it leaves the server running.
	 */
	default OperatorDatabase createSibling(String name) throws SQLException {
		throw new OperatorException("this database cannot create another beside it");
	}

	/** Drops a database {@link #createSibling} created. */
	default void dropSibling(String name) throws SQLException {
		throw new OperatorException("this database cannot drop another beside it");
	}

	/**
	 * The service's settings, as {@code --name=value}, that point it at this database.
	 * They hold the password: never print them.
	 */
	default List<String> serviceArguments() {
		throw new OperatorException("the service cannot be pointed at this database");
	}

	@Override
	void close();

}
