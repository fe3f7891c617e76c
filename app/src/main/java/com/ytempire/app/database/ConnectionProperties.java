package com.ytempire.app.database;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every connection of both pools (JDBC for commands, R2DBC for queries) starts with.
 * A parameter that {@code DATABASE_URL} sets itself (such as
 * {@code options=-c statement_timeout=5s}) wins over these.
 *
 * @param connectTimeout how long opening a connection may take (whole seconds)
 * @param statementTimeout how long one SQL statement may run before PostgreSQL cancels it
 * ({@code statement_timeout}); zero for no limit. Schema migrations and the operator
 * commands (backup, restore) are not limited.
 */
@ConfigurationProperties("ytempire.database.connection")
public record ConnectionProperties(@DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30s") Duration statementTimeout) {

	public ConnectionProperties {
		if (connectTimeout.isNegative() || statementTimeout.isNegative()) {
			throw new IllegalArgumentException("ytempire.database.connection timeouts must not be negative");
		}
	}

	/** The PostgreSQL settings these stand for. */
	Map<String, String> settings() {
		return Map.of("statement_timeout", Long.toString(this.statementTimeout.toMillis()));
	}

}
