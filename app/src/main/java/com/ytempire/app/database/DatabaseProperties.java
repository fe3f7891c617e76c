package com.ytempire.app.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the event store lives. With no {@code url} the application runs its own
 * PostgreSQL.
 *
 * @param url an external PostgreSQL, as {@code postgres://user:password@host:port/db} or
 * a JDBC URL
 * @param username overrides the user in {@code url}
 * @param password overrides the password in {@code url}
 * @param embedded settings of the embedded PostgreSQL
 */
@ConfigurationProperties("ytempire.database")
public record DatabaseProperties(String url, String username, String password, Embedded embedded) {

	public boolean isExternal() {
		return this.url != null && !this.url.isBlank();
	}

	/**
	 * @param dataDirectory the PostgreSQL data folder; it survives restarts
	 * @param port the port to listen on (loopback only); 0 picks a free one
	 * @param durable whether commits wait for the disk (fsync, synchronous_commit); only
	 * tests turn it off
	 */
	public record Embedded(Path dataDirectory, int port, boolean durable) {
	}

}
