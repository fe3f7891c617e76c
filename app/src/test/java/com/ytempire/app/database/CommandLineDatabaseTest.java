package com.ytempire.app.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.ytempire.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator commands run beside the service join its embedded PostgreSQL, and leave it
 * running when they finish.
 */
@IntegrationTest
class CommandLineDatabaseTest {

	@Autowired
	DatabaseEndpoint endpoint;

	@Autowired
	DatabaseProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void findsTheEmbeddedDatabaseTheServiceIsRunning() throws Exception {
		Path dataDirectory = this.properties.embedded().dataDirectory().toAbsolutePath();

		assertThat(RunningEmbeddedDatabase.find(dataDirectory)).hasValueSatisfying((running) -> {
			assertThat(running.jdbcUrl()).isEqualTo(this.endpoint.jdbcUrl());
			assertThat(running.description()).contains("already running");
		});
		assertThat(RunningEmbeddedDatabase.find(dataDirectory.resolveSibling("nothing-here"))).isEmpty();
	}

	@Test
	void joinsTheRunningServiceDatabaseWithTheServiceSettingsAndLeavesItRunning() throws SQLException {
		// The test application names its data folder with a random value, drawn anew at
		// each lookup: point the command at the folder the service actually runs on.
		String dataDirectory = this.properties.embedded().dataDirectory().toAbsolutePath().getParent().toString();
		try (CommandLineDatabase database = CommandLineDatabase.open("--ytempire.data-dir=" + dataDirectory);
				Connection connection = database.connect();
				ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM domainevententry")) {
			assertThat(database.description()).contains(dataDirectory).contains("already running");
			assertThat(rows.next()).isTrue();
		}
		assertThat(this.jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
	}

}
