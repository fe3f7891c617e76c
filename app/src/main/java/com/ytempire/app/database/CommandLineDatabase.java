package com.ytempire.app.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ytempire.app.CommandLineSettings;
import com.ytempire.ops.OperatorDatabase;
import com.ytempire.ops.OperatorException;
import org.flywaydb.core.Flyway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The application's database for the operator commands, found from the same settings as
 * the service: {@code DATABASE_URL}, or the embedded PostgreSQL in the data folder, which
 * is joined if the service is running and started for the command otherwise.
 */
public final class CommandLineDatabase implements OperatorDatabase {

	/**
	 * {@code jdbc:postgresql://host:port/} then the database's name, then any parameters.
	 */
	private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

	private final DatabaseEndpoint endpoint;

	private final List<String> migrations;

	private CommandLineDatabase(DatabaseEndpoint endpoint, List<String> migrations) {
		this.endpoint = endpoint;
		this.migrations = List.copyOf(migrations);
	}

	/**
	 * Reads the settings as the service would, without starting any of it.
	 * @param overrides settings that take precedence, as {@code --name=value}
	 */
	public static CommandLineDatabase open(String... overrides) {
		Settings.Read read = CommandLineSettings.read(Settings.class,
				(settings) -> new Settings.Read(settings.getBean(DatabaseProperties.class), List
					.of(settings.getEnvironment().getRequiredProperty("spring.flyway.locations", String[].class))),
				overrides);
		try {
			return new CommandLineDatabase(endpoint(read.properties()), read.migrations());
		}
		catch (IOException ex) {
			throw new OperatorException("cannot start the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	/** A database at a JDBC URL, with the schema from the given Flyway locations. */
	public static CommandLineDatabase at(String jdbcUrl, String username, String password, List<String> migrations) {
		return new CommandLineDatabase(ExternalDatabase.from(new DatabaseProperties(jdbcUrl, username, password, null)),
				migrations);
	}

	private static DatabaseEndpoint endpoint(DatabaseProperties properties) throws IOException {
		if (properties.isExternal()) {
			return ExternalDatabase.from(properties);
		}
		Path dataDirectory = properties.embedded().dataDirectory().toAbsolutePath();
		Optional<RunningEmbeddedDatabase> running = RunningEmbeddedDatabase.find(dataDirectory);
		return running.isPresent() ? running.get() : EmbeddedDatabase.start(properties.embedded());
	}

	@Override
	public Connection connect() throws SQLException {
		Properties credentials = new Properties();
		if (this.endpoint.username() != null) {
			credentials.setProperty("user", this.endpoint.username());
		}
		if (this.endpoint.password() != null) {
			credentials.setProperty("password", this.endpoint.password());
		}
		credentials.setProperty("ApplicationName", "ytempire-ops");
		return DriverManager.getConnection(this.endpoint.jdbcUrl(), credentials);
	}

	@Override
	public void migrateSchema() {
		Flyway.configure()
			.dataSource(this.endpoint.jdbcUrl(), this.endpoint.username(), this.endpoint.password())
			.locations(this.migrations.toArray(String[]::new))
			.load()
			.migrate();
	}

	@Override
	public String description() {
		return this.endpoint.description();
	}

	@Override
	public OperatorDatabase createSibling(String name) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + quoted(name));
		}
		return at(siblingUrl(name), this.endpoint.username(), this.endpoint.password(), this.migrations);
	}

	@Override
	public void dropSibling(String name) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)");
		}
	}

	@Override
	public List<String> serviceArguments() {
		List<String> arguments = new ArrayList<>();
		arguments.add("--ytempire.database.url=" + this.endpoint.jdbcUrl());
		if (this.endpoint.username() != null) {
			arguments.add("--ytempire.database.username=" + this.endpoint.username());
		}
		if (this.endpoint.password() != null) {
			arguments.add("--ytempire.database.password=" + this.endpoint.password());
		}
		return arguments;
	}

	private String siblingUrl(String name) {
		Matcher url = JDBC_URL.matcher(this.endpoint.jdbcUrl());
		if (!url.matches()) {
			throw new OperatorException("cannot tell the database name in the JDBC URL");
		}
		return url.group(1) + name + url.group(3);
	}

	private static String quoted(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new OperatorException("not a plain database name: " + name);
		}
		return name;
	}

	@Override
	public void close() {
		this.endpoint.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DatabaseProperties.class)
	static class Settings {

		/** What the settings say, kept once they are closed. */
		record Read(DatabaseProperties properties, List<String> migrations) {
		}

	}

}
