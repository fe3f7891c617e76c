package com.ytempire.app.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The JDBC pool (HikariCP) that commands, the event store and the projections use. It
 * keeps {@code maxSize} connections open.
 *
 * @param maxSize connections at most
 * @param acquireTimeout how long a caller waits for a free connection before it fails
 */
@ConfigurationProperties("ytempire.database.jdbc-pool")
public record JdbcPoolProperties(@DefaultValue("32") int maxSize, @DefaultValue("30s") Duration acquireTimeout) {

	public JdbcPoolProperties {
		if (maxSize < 1) {
			throw new IllegalArgumentException(
					"ytempire.database.jdbc-pool.max-size must be at least 1 (got " + maxSize + ")");
		}
		// HikariCP refuses less than 250 ms.
		if (acquireTimeout.toMillis() < 250) {
			throw new IllegalArgumentException("ytempire.database.jdbc-pool.acquire-timeout must be at least 250ms");
		}
	}

}
