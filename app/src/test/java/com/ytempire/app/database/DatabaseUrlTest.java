package com.ytempire.app.database;

import java.time.Duration;
import java.util.Map;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.client.SSLMode;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code DATABASE_URL} in each accepted form, and what each driver gets from it.
 */
class DatabaseUrlTest {

	@ParameterizedTest
	@ValueSource(strings = { "postgres://", "postgresql://", "jdbc:postgresql://" })
	void readsEveryAcceptedForm(String scheme) {
		DatabaseUrl url = DatabaseUrl.parse(scheme + "app:secret@db.example:6543/events?sslmode=require");

		assertThat(url.host()).isEqualTo("db.example");
		assertThat(url.port()).isEqualTo(6543);
		assertThat(url.database()).isEqualTo("events");
		assertThat(url.username()).isEqualTo("app");
		assertThat(url.password()).isEqualTo("secret");
		assertThat(url.parameters()).containsExactly(Map.entry("sslmode", "require"));
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/events?sslmode=require");
	}

	@Test
	void defaultsThePortAndTheDatabase() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://db.example");

		assertThat(url.port()).isEqualTo(5432);
		assertThat(url.database()).isEqualTo("postgres");
		assertThat(url.username()).isNull();
		assertThat(url.password()).isNull();
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/postgres");
	}

	@Test
	void decodesPercentEncodedCredentialsAndKeepsPlusSigns() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://us%40er:p%40ss%3Aw%2Frd%3F+x@host/db");

		assertThat(url.username()).isEqualTo("us@er");
		assertThat(url.password()).isEqualTo("p@ss:w/rd?+x");
		assertThat(url.host()).isEqualTo("host");
	}

	@Test
	void takesCredentialsFromJdbcParametersAndFromOverrides() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://host/db?user=app&password=s%26cret");

		assertThat(url.username()).isEqualTo("app");
		assertThat(url.password()).isEqualTo("s&cret");
		assertThat(url.jdbcUrl()).doesNotContain("app").doesNotContain("cret");
		assertThat(url.withCredentials("other", " ").username()).isEqualTo("other");
		assertThat(url.withCredentials("other", " ").password()).isEqualTo("s&cret");
	}

	@Test
	void acceptsLibpqAndPgjdbcSpellingsAndWritesPgjdbcOnes() {
		DatabaseUrl libpq = DatabaseUrl.parse("postgres://host/db?application_name=my%20app&connect_timeout=7");
		DatabaseUrl pgjdbc = DatabaseUrl.parse("jdbc:postgresql://host/db?ApplicationName=my%20app&connectTimeout=7");

		assertThat(libpq).isEqualTo(pgjdbc);
		assertThat(libpq.jdbcUrl())
			.isEqualTo("jdbc:postgresql://host:5432/db?ApplicationName=my%20app&connectTimeout=7");
		assertThat(DatabaseUrl.parse(libpq.jdbcUrl())).isEqualTo(libpq);
	}

	@Test
	void readsPostgresqlSettingsFromOptions() {
		DatabaseUrl url = DatabaseUrl.parse(
				"postgres://host/db?options=-c%20statement_timeout%3D5s%20--search-path%3Da%5C%20b%20-cwork_mem%3D8MB");

		assertThat(url.settings()).containsExactly(Map.entry("statement_timeout", "5s"),
				Map.entry("search_path", "a b"), Map.entry("work_mem", "8MB"));
		assertThat(DatabaseUrl.parse(url.jdbcUrl())).isEqualTo(url);
	}

	@Test
	void givesBothDriversTheSameParameters() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://app:secret@[::1]:6543/events?sslmode=verify-full"
				+ "&application_name=reader&connect_timeout=3&currentSchema=tenant"
				+ "&options=-c%20statement_timeout%3D5000");

		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6543/events?sslmode=verify-full"
				+ "&ApplicationName=reader&connectTimeout=3&currentSchema=tenant"
				+ "&options=-c%20statement_timeout%3D5000");
		// r2dbc-postgresql keeps its settings in private fields only.
		PostgresqlConnectionConfiguration r2dbc = url.r2dbc().build();
		assertThat(r2dbc)
			.extracting("singleHostConfiguration.host", "singleHostConfiguration.port", "database", "applicationName",
					"connectTimeout", "sslConfig.sslMode")
			.containsExactly("::1", 6543, "events", "reader", Duration.ofSeconds(3), SSLMode.VERIFY_FULL);
		assertThat(r2dbc).extracting("options")
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, String.class))
			.containsEntry("statement_timeout", "5000")
			.containsEntry("search_path", "tenant");
	}

	@Test
	void writesCertificatePathsIntoTheJdbcUrl() {
		// r2dbc-postgresql reads the certificates when its settings are built; the
		// integration tests have none, so only the JDBC side is checked here.
		assertThat(DatabaseUrl.parse("postgres://host/db?sslrootcert=/etc/ca.pem&sslcert=c.pem&sslkey=k.pem").jdbcUrl())
			.isEqualTo("jdbc:postgresql://host:5432/db?sslrootcert=%2Fetc%2Fca.pem&sslcert=c.pem&sslkey=k.pem");
	}

	@Test
	void prefersTlsOnBothDriversWhenTheUrlDoesNotSay() {
		assertThat(DatabaseUrl.parse("postgres://app@host/db").r2dbc().build()).extracting("sslConfig.sslMode")
			.isEqualTo(SSLMode.PREFER);
	}

	@Test
	void fillsDefaultsOnlyWhereTheUrlSaysNothing() {
		Map<String, String> timeout = Map.of("statement_timeout", "30000");
		DatabaseUrl plain = DatabaseUrl.parse("postgres://host/db")
			.withDefaults("ytempire", Duration.ofSeconds(10), timeout);
		DatabaseUrl own = DatabaseUrl
			.parse("postgres://host/db?application_name=mine&connect_timeout=2"
					+ "&options=-c%20statement_timeout%3D1s")
			.withDefaults("ytempire", Duration.ofSeconds(10), timeout);

		assertThat(plain.parameters()).containsEntry("application_name", "ytempire")
			.containsEntry("connect_timeout", "10");
		assertThat(plain.settings()).containsEntry("statement_timeout", "30000");
		assertThat(own.parameters()).containsEntry("application_name", "mine").containsEntry("connect_timeout", "2");
		assertThat(own.settings()).containsEntry("statement_timeout", "1s");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mysql://app:hunter2@host/db", "postgres://app:hunter2@/db",
			"postgres://app:hunter2@host:port/db", "postgres://app:hunter2@one,two/db",
			"postgres://app:hunter2@host/db?sslfactory=x", "postgres://app:hunter2@host/db?sslmode=sometimes",
			"postgres://app:hunter2@host/db?connect_timeout=soon",
			"postgres://app:hunter2@host/db?options=statement_timeout", "postgres://app:hunter2%zz@host/db",
			"postgres://app:hunter2@host/a/b", "jdbc:postgresql:db", "postgres://app:hunter2@host/db#x", " " })
	void refusesBadUrlsClearlyWithoutThePassword(String bad) {
		Throwable error = catchThrowable(() -> DatabaseUrl.parse(bad));

		assertThat(error).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("DATABASE_URL is not a usable PostgreSQL URL: ")
			.hasMessageNotContaining("hunter2");
		assertThat(error.getCause()).isNull();
	}

	@Test
	void namesTheParameterItRefuses() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseUrl.parse("postgres://host/db?prepareThreshold=0"))
			.withMessageContaining("'prepareThreshold'")
			.withMessageContaining("sslmode");
	}

	@Test
	void neverShowsThePasswordInItsText() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://app:hunter2@host/db?sslpassword=keypass");

		assertThat(url.toString()).contains("app@host:5432/db").doesNotContain("hunter2").doesNotContain("keypass");
		assertThat(url.description()).isEqualTo("host:5432/db");
		assertThat(ExternalDatabase.from(new DatabaseProperties("postgres://app:hunter2@host/db", null, null, null)))
			.asString()
			.doesNotContain("hunter2");
	}

}
