package com.ytempire.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorCliTest {

	private final List<List<String>> served = new ArrayList<>();

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@TempDir
	Path folder;

	@Test
	void servesWithNoArguments() {
		assertThat(cli(this::unreachable).execute(new String[0])).isZero();
		assertThat(this.served).containsExactly(List.of());
	}

	@Test
	void springBootArgumentsAloneServeWithThoseArguments() {
		assertThat(cli(this::unreachable).execute(new String[] { "--server.port=9000", "--debug" })).isZero();
		assertThat(this.served).containsExactly(List.of("--server.port=9000", "--debug"));
	}

	@Test
	void serveTakesSpringBootArguments() {
		assertThat(cli(this::unreachable).execute(new String[] { "serve", "--server.port=9000" })).isZero();
		assertThat(this.served).containsExactly(List.of("--server.port=9000"));
	}

	@Test
	void helpListsEveryCommand() {
		assertThat(cli(this::unreachable).execute(new String[] { "--help" })).isZero();
		assertThat(this.out.toString()).contains("serve", "backup", "verify-backup", "restore", "drill", "rebuild",
				"audit", "doctor");
		assertThat(this.served).isEmpty();
	}

	@Test
	void aMissingArgumentIsAUsageError() {
		assertThat(cli(this::unreachable).execute(new String[] { "backup" })).isEqualTo(2);
		assertThat(this.err.toString()).contains("Missing required parameter: 'DIR'");
	}

	@Test
	void verifyingAFolderThatDoesNotExistSaysSo() {
		String missing = this.folder.resolve("nowhere").toString();
		assertThat(cli(this::unreachable).execute(new String[] { "verify-backup", missing })).isEqualTo(1);
		assertThat(this.err.toString()).contains("ytempire verify-backup: " + missing + " is not a folder");
	}

	@Test
	void aDatabaseThatCannotBeReachedIsReportedWithoutAStackTrace() {
		int status = cli(() -> new UnreachableDatabase()).execute(new String[] { "backup", this.folder.toString() });
		assertThat(status).isEqualTo(1);
		assertThat(this.err.toString()).contains("ytempire backup: database error: connection refused")
			.doesNotContain("\tat ");
	}

	@Test
	void aServiceThatFailsToStartExitsWithAFailure() {
		OperatorCli cli = new OperatorCli((args) -> {
			throw new IllegalStateException("port 8000 is taken");
		}, this::unreachable, Clock.systemUTC(), new PrintWriter(this.out, true), new PrintWriter(this.err, true));
		assertThat(cli.execute(new String[0])).isEqualTo(1);
		assertThat(this.err.toString()).contains("port 8000 is taken");
	}

	private OperatorCli cli(Supplier<OperatorDatabase> database) {
		return new OperatorCli((args) -> {
			this.served.add(List.of(args));
			return () -> {
			};
		}, database, Clock.systemUTC(), new PrintWriter(this.out, true), new PrintWriter(this.err, true));
	}

	private OperatorDatabase unreachable() {
		throw new AssertionError("this command needs no database");
	}

	private static final class UnreachableDatabase implements OperatorDatabase {

		@Override
		public Connection connect() throws SQLException {
			throw new SQLException("connection refused");
		}

		@Override
		public void migrateSchema() {
			throw new AssertionError("a backup never changes the schema");
		}

		@Override
		public String description() {
			return "a database nobody runs";
		}

		@Override
		public void close() {
		}

	}

}
