package com.ytempire.app.database;

/**
 * The PostgreSQL the application talks to, whoever runs it.
 */
public interface DatabaseEndpoint extends AutoCloseable {

	String jdbcUrl();

	String username();

	String password();

	/**
	 * Where the database is and the parameters of its connections, as both drivers get
	 * them.
	 */
	default DatabaseUrl url() {
		return DatabaseUrl.parse(jdbcUrl()).withCredentials(username(), password());
	}

	/** Where the database is, for logs and diagnostics; never includes a password. */
	String description();

	@Override
	default void close() {
	}

}
