package com.ytempire.app.database;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The non-blocking connections the query side reads with, to the same PostgreSQL as the
 * JDBC pool and with the same parameters ({@link DatabaseUrl}). Boot cannot derive them
 * from {@link DatabaseEndpoint} by itself.
 */
@Configuration(proxyBeanMethods = false)
class ReactiveDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ReactiveDatabaseConfiguration.class);

	private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionFactory(DatabaseEndpoint endpoint, R2dbcPoolProperties pool,
			ConnectionProperties connection) {
		DatabaseUrl url = endpoint.url()
			.withDefaults("ytempire-query", connection.connectTimeout(), connection.settings());
		log.info("R2DBC pool: {} connections at most, statement timeout {}", pool.maxSize(),
				url.settings().get("statement_timeout"));
		return new ConnectionPool(
				ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(url.r2dbc().build()))
					.name("ytempire-r2dbc")
					.initialSize(pool.initialSize())
					.maxSize(pool.maxSize())
					.maxIdleTime(pool.maxIdleTime())
					// No query waits for ever: a connection not had, made or shown alive
					// in time
					// is an error the caller sees (503), and one that stopped answering
					// is
					// dropped, not handed out again.
					.maxAcquireTime(pool.acquireTimeout())
					.maxCreateConnectionTime(pool.acquireTimeout())
					.validationDepth(ValidationDepth.REMOTE)
					.maxValidationTime(VALIDATION_TIMEOUT)
					.acquireRetry(2)
					.build());
	}

}
