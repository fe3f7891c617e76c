package com.ytempire.app.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The R2DBC pool (r2dbc-pool) that the query side reads with.
 *
 * @param initialSize connections opened at start-up (at most {@code maxSize})
 * @param maxSize connections at most
 * @param acquireTimeout how long a query waits for a connection (or for a new one to
 * open) before it fails with 503
 * @param maxIdleTime how long an unused connection stays open
 */
@ConfigurationProperties("ytempire.database.r2dbc-pool")
public record R2dbcPoolProperties(@DefaultValue("2") int initialSize, @DefaultValue("24") int maxSize,
		@DefaultValue("10s") Duration acquireTimeout, @DefaultValue("10m") Duration maxIdleTime) {

	public R2dbcPoolProperties {
		if (maxSize < 1) {
			throw new IllegalArgumentException(
					"ytempire.database.r2dbc-pool.max-size must be at least 1 (got " + maxSize + ")");
		}
		if (acquireTimeout.isNegative() || acquireTimeout.isZero() || maxIdleTime.isNegative()) {
			throw new IllegalArgumentException(
					"ytempire.database.r2dbc-pool.acquire-timeout must be positive and max-idle-time not negative");
		}
		// r2dbc-pool refuses an initial size above the maximum: a small maximum set from
		// the environment lowers it.
		initialSize = Math.max(0, Math.min(initialSize, maxSize));
	}

}
