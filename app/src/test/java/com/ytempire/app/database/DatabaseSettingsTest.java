package com.ytempire.app.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The database settings from the environment, as the service reads them (its
 * {@code application.yml}), reach both pools on a real PostgreSQL: what
 * {@code DATABASE_URL} names, the pool sizes and the statement timeout.
 */
class DatabaseSettingsTest {

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void startPostgres() throws Exception {
		postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
	}

	@AfterAll
	static void stopPostgres() throws Exception {
		postgres.close();
	}

	@Test
	void parametersOfTheDatabaseUrlReachBothDrivers() throws SQLException {
		try (ConfigurableApplicationContext app = start(Map.of("DATABASE_URL",
				url("?application_name=from-url&options=-c%20statement_timeout%3D4321%20-c%20work_mem%3D5MB")))) {
			assertThat(jdbcShow(app, "application_name")).isEqualTo("from-url");
			assertThat(r2dbcShow(app, "application_name")).isEqualTo("from-url");
			assertThat(jdbcShow(app, "statement_timeout")).isEqualTo("4321ms");
			assertThat(r2dbcShow(app, "statement_timeout")).isEqualTo("4321ms");
			assertThat(jdbcShow(app, "work_mem")).isEqualTo("5MB");
			assertThat(r2dbcShow(app, "work_mem")).isEqualTo("5MB");
		}
	}

	@Test
	void sslModeOfTheDatabaseUrlReachesBothDrivers() {
		// This PostgreSQL has no TLS: a driver that kept sslmode=require refuses it.
		String url = url("?sslmode=require");

		assertThat(catchThrowable(() -> start(Map.of("DATABASE_URL", url)).close())).hasStackTraceContaining("SSL");
		PostgresqlConnectionFactory r2dbc = new PostgresqlConnectionFactory(DatabaseUrl.parse(url).r2dbc().build());
		assertThatThrownBy(() -> Mono.from(r2dbc.create()).block(Duration.ofSeconds(30)))
			.hasStackTraceContaining("SSL");
		PostgresqlConnectionFactory disabled = new PostgresqlConnectionFactory(
				DatabaseUrl.parse(url("?sslmode=disable")).r2dbc().build());
		Mono.from(disabled.create())
			.flatMap((connection) -> Mono.from(connection.close()))
			.block(Duration.ofSeconds(30));
	}

	@Test
	void withoutSettingsConnectionsNameTheServiceAndStopStatementsAfterThirtySeconds() throws SQLException {
		try (ConfigurableApplicationContext app = start(Map.of("DATABASE_URL", url("")))) {
			assertThat(jdbcShow(app, "application_name")).isEqualTo("ytempire");
			assertThat(r2dbcShow(app, "application_name")).isEqualTo("ytempire-query");
			assertThat(jdbcShow(app, "statement_timeout")).isEqualTo("30s");
			assertThat(r2dbcShow(app, "statement_timeout")).isEqualTo("30s");
			assertThat(app.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(32);
			assertThat(app.getBean(ConnectionPool.class).getMetrics().orElseThrow().getMaxAllocatedSize())
				.isEqualTo(24);
		}
	}

	@Test
	void poolSizesAndWaitsComeFromTheEnvironment() throws SQLException {
		try (ConfigurableApplicationContext app = start(Map.of("DATABASE_URL", url(""), "YTEMPIRE_DB_POOL_SIZE", "2",
				"YTEMPIRE_DB_ACQUIRE_TIMEOUT", "500ms", "YTEMPIRE_R2DBC_POOL_SIZE", "3"))) {
			HikariDataSource jdbc = app.getBean(HikariDataSource.class);
			ConnectionPool r2dbc = app.getBean(ConnectionPool.class);
			assertThat(jdbc.getMaximumPoolSize()).isEqualTo(2);
			assertThat(r2dbc.getMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(3);

			// The pool really stops at two, and a third caller waits only as long as set.
			List<Connection> held = new ArrayList<>();
			try {
				held.add(jdbc.getConnection());
				held.add(jdbc.getConnection());
				long start = System.nanoTime();
				assertThatThrownBy(jdbc::getConnection).isInstanceOf(SQLTransientConnectionException.class);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			}
			finally {
				for (Connection connection : held) {
					connection.close();
				}
			}
		}
	}

	@Test
	void aStatementLongerThanTheTimeoutIsCancelledOnBothDrivers() {
		try (ConfigurableApplicationContext app = start(
				Map.of("DATABASE_URL", url(""), "YTEMPIRE_DB_STATEMENT_TIMEOUT", "300ms"))) {
			long start = System.nanoTime();
			Throwable jdbc = catchThrowable(() -> {
				try (Connection connection = app.getBean(HikariDataSource.class).getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("SELECT pg_sleep(20)");
				}
			});
			assertThat(jdbc).isInstanceOf(SQLException.class);
			assertThat(((SQLException) jdbc).getSQLState()).isEqualTo("57014");

			Throwable r2dbc = catchThrowable(() -> Flux
				.usingWhen(app.getBean(ConnectionPool.class).create(),
						(connection) -> Flux.from(connection.createStatement("SELECT pg_sleep(20)").execute())
							.flatMap((result) -> result.map((row, metadata) -> "row")),
						io.r2dbc.spi.Connection::close)
				.blockLast(Duration.ofSeconds(15)));
			assertThat(r2dbc).isInstanceOf(R2dbcException.class);
			assertThat(((R2dbcException) r2dbc).getSqlState()).isEqualTo("57014");
			// Both cancelled long before one sleep would have ended.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
		}
	}

	private static String url(String query) {
		return "postgres://postgres@127.0.0.1:" + postgres.getPort() + "/postgres" + query;
	}

	/** The service's database beans alone, with this as the whole environment. */
	private static ConfigurableApplicationContext start(Map<String, String> variables) {
		Map<String, Object> environment = new HashMap<>(variables);
		StandardEnvironment settings = new StandardEnvironment();
		settings.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		return new SpringApplicationBuilder(DatabaseOnly.class).environment(settings)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run();
	}

	private static String jdbcShow(ConfigurableApplicationContext app, String setting) throws SQLException {
		try (Connection connection = app.getBean(HikariDataSource.class).getConnection();
				var rows = connection.createStatement().executeQuery("SHOW " + setting)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static String r2dbcShow(ConfigurableApplicationContext app, String setting) {
		return Flux
			.usingWhen(app.getBean(ConnectionPool.class).create(),
					(connection) -> Flux.from(connection.createStatement("SHOW " + setting).execute())
						.flatMap((result) -> result.map((row, metadata) -> row.get(0, String.class))),
					io.r2dbc.spi.Connection::close)
			.blockFirst(Duration.ofSeconds(30));
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ DatabaseConfiguration.class, ReactiveDatabaseConfiguration.class })
	@EnableConfigurationProperties({ DatabaseProperties.class, ConnectionProperties.class, JdbcPoolProperties.class,
			R2dbcPoolProperties.class })
	static class DatabaseOnly {

	}

}
