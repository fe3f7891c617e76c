package com.ytempire.app.database;

import java.io.IOException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Chooses the database: the one {@code DATABASE_URL} names, or an embedded PostgreSQL.
 * The JDBC {@link DataSource} is declared here because Boot leaves it out once R2DBC is
 * on the class path.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	DatabaseEndpoint databaseEndpoint(DatabaseProperties properties) throws IOException {
		DatabaseEndpoint endpoint = properties.isExternal() ? ExternalDatabase.from(properties)
				: EmbeddedDatabase.start(properties.embedded());
		log.info("Event store database: {}", endpoint.description());
		return endpoint;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseEndpoint endpoint, JdbcPoolProperties pool, ConnectionProperties connection) {
		DatabaseUrl url = endpoint.url().withDefaults("ytempire", connection.connectTimeout(), connection.settings());
		HikariConfig config = new HikariConfig();
		config.setPoolName("ytempire-jdbc");
		config.setJdbcUrl(url.jdbcUrl());
		config.setUsername(url.username());
		config.setPassword(url.password());
		config.setMaximumPoolSize(pool.maxSize());
		config.setConnectionTimeout(pool.acquireTimeout().toMillis());
		log.info("JDBC pool: {} connections at most, statement timeout {}", pool.maxSize(),
				url.settings().get("statement_timeout"));
		return new HikariDataSource(config);
	}

	/**
	 * Migrations open their own connections, without the statement timeout: one that
	 * rewrites a large table may rightly run for longer.
	 */
	@Bean
	FlywayConfigurationCustomizer migrationsWithoutStatementTimeout(DatabaseEndpoint endpoint,
			ConnectionProperties connection) {
		DatabaseUrl url = endpoint.url().withDefaults("ytempire-migrations", connection.connectTimeout(), Map.of());
		return (configuration) -> configuration.dataSource(url.jdbcUrl(), url.username(), url.password());
	}

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

}
