package com.ytempire.app.database;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
	HikariDataSource dataSource(DatabaseEndpoint endpoint) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("ytempire-jdbc");
		config.setJdbcUrl(endpoint.jdbcUrl());
		config.setUsername(endpoint.username());
		config.setPassword(endpoint.password());
		config.setMaximumPoolSize(32);
		return new HikariDataSource(config);
	}

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

}
