package com.ytempire.app.database;

import java.net.URI;
import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ValidationDepth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The non-blocking connections the query side reads with, to the same PostgreSQL as the
 * JDBC pool. Boot cannot derive them from {@link DatabaseEndpoint} by itself.
 */
@Configuration(proxyBeanMethods = false)
class ReactiveDatabaseConfiguration {

	private static final int INITIAL_CONNECTIONS = 2;

	private static final int MAX_CONNECTIONS = 24;

	private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionFactory(DatabaseEndpoint endpoint) {
		PostgresqlConnectionConfiguration.Builder connection = PostgresqlConnectionConfiguration.builder();
		Address address = Address.parse(endpoint.jdbcUrl());
		connection.host(address.host()).port(address.port()).database(address.database());
		connection.username(endpoint.username());
		if (endpoint.password() != null) {
			connection.password(endpoint.password());
		}
		connection.applicationName("ytempire-query");
		// The pool starts with fewer connections than it may grow to (r2dbc-pool refuses
		// an initial size above the maximum).
		return new ConnectionPool(
				ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(connection.build()))
					.name("ytempire-r2dbc")
					.initialSize(INITIAL_CONNECTIONS)
					.maxSize(MAX_CONNECTIONS)
					.maxIdleTime(Duration.ofMinutes(10))
					// No query waits for ever: a connection not had, made or shown
					// alive in time is an error the caller sees (503), and one that
					// stopped answering is dropped, not handed out again.
					.maxAcquireTime(ACQUIRE_TIMEOUT)
					.maxCreateConnectionTime(ACQUIRE_TIMEOUT)
					.validationDepth(ValidationDepth.REMOTE)
					.maxValidationTime(VALIDATION_TIMEOUT)
					.acquireRetry(2)
					.build());
	}

	/** Host, port and database of a {@code jdbc:postgresql://host:port/db?...} URL. */
	record Address(String host, int port, String database) {

		static Address parse(String jdbcUrl) {
			if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
				throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
			}
			URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
			String path = (uri.getPath() != null) ? uri.getPath() : "";
			String database = path.startsWith("/") ? path.substring(1) : path;
			return new Address(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 5432,
					database.isEmpty() ? "postgres" : database);
		}

	}

}
