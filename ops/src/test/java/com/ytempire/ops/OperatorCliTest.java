package com.ytempire.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.ytempire.ops.doctor.GpuState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
	void springBootPropertiesServe() {
		assertThat(cli(this::unreachable).execute(new String[] { "--spring.profiles.active=demo" })).isZero();
		assertThat(this.served).containsExactly(List.of("--spring.profiles.active=demo"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "serve", "backup", "verify-backup", "restore", "drill", "rebuild", "audit", "doctor",
			"help", "completion" })
	void everyCommandPrintsItsHelpWithoutServing(String command) {
		for (String help : List.of("--help", "-h")) {
			assertThat(cli(this::unreachable).execute(new String[] { command, help })).isZero();
			assertThat(this.out.toString()).contains("Usage: ytempire " + command);
		}
		assertThat(this.served).isEmpty();
	}

	@Test
	void helpPrintsACommandsUsage() {
		assertThat(cli(this::unreachable).execute(new String[] { "help", "backup" })).isZero();
		assertThat(this.out.toString()).contains("Usage: ytempire backup", "--incremental");
	}

	@Test
	void anUnknownCommandIsAUsageErrorAndDoesNotServe() {
		assertThat(cli(this::unreachable).execute(new String[] { "restor", "/backups" })).isEqualTo(2);
		assertThat(this.err.toString()).contains("Unmatched arguments from index 0: 'restor', '/backups'",
				"Did you mean: ytempire restore", "Usage: ytempire");
		assertThat(this.served).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--bogus", "--port=9000", "-Dserver.port=9000" })
	void anOptionThatIsNeitherOursNorSpringBootsIsAUsageError(String option) {
		assertThat(cli(this::unreachable).execute(new String[] { option })).isEqualTo(2);
		assertThat(this.err.toString()).contains("Unknown option: '" + option + "'", "Usage: ytempire");
		assertThat(this.served).isEmpty();
	}

	@Test
	void aCommandsUnknownOptionIsAUsageError() {
		assertThat(cli(this::unreachable).execute(new String[] { "backup", "--bogus", "/backups" })).isEqualTo(2);
		assertThat(this.err.toString()).contains("Unknown option: '--bogus'", "Usage: ytempire backup");
	}

	@ParameterizedTest
	@ValueSource(strings = { "--bogus", "--server.port", "restor" })
	void serveTakesNothingButSpringBootArguments(String argument) {
		assertThat(cli(this::unreachable).execute(new String[] { "serve", argument })).isEqualTo(2);
		assertThat(this.err.toString()).contains("Not a Spring Boot argument: '" + argument + "'",
				"Usage: ytempire serve");
		assertThat(this.served).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--version", "-V" })
	void versionPrintsTheBuildWithoutServing(String version) {
		assertThat(cli(this::unreachable).execute(new String[] { version })).isZero();
		assertThat(this.out.toString()).startsWith("ytempire development build").contains("Java ");
		assertThat(this.served).isEmpty();
	}

	@Test
	void completionPrintsAShellScript() {
		assertThat(cli(this::unreachable).execute(new String[] { "completion" })).isZero();
		assertThat(this.out.toString()).contains("complete -F", "ytempire", "verify-backup");
	}

	@Test
	void progressOutsideATerminalIsPlainLines() throws IOException {
		// Surefire's forked JVM, like a log or a pipe, has no terminal.
		assertThat(System.console()).isNull();
		HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		Iterator<String> states = List
			.of(rebuild("REPLAYING", 0), rebuild("REPLAYING", 400), rebuild("REPLAYING", 400),
					rebuild("SWAPPING", 1000), rebuild("DONE", 1000))
			.iterator();
		service.createContext("/api/v1/admin/projections/", (exchange) -> answer(exchange, states.next()));
		service.start();
		try {
			String url = "http://127.0.0.1:" + service.getAddress().getPort() + "/";
			assertThat(cli(this::unreachable)
				.execute(new String[] { "rebuild", "videos", "--url", url, "--api-key", "an-admin-key" })).isZero();
		}
		finally {
			service.stop(0);
		}
		String newLine = System.lineSeparator();
		assertThat(this.err.toString()).doesNotContain("\r")
			.isEqualTo("rebuild of [\"videos\"] started" + newLine + "rebuild: replaying, events 400/1000, 0 events/s"
					+ newLine + "rebuild: swapping, events 1000/1000, 0 events/s" + newLine
					+ "rebuild: done, events 1000/1000, 0 events/s" + newLine);
		assertThat(this.out.toString()).startsWith("rebuild DONE: 1000 events replayed");
	}

	private static String rebuild(String state, long done) {
		return "{\"state\":\"" + state + "\",\"projections\":[\"videos\"],\"eventsDone\":" + done
				+ ",\"eventsTotal\":1000,\"eventsPerSecond\":0,\"differences\":[]}";
	}

	private static void answer(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream response = exchange.getResponseBody()) {
			response.write(body);
		}
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
		}, this::unreachable, OperatorCliTest::noGpu, Clock.systemUTC(), new PrintWriter(this.out, true),
				new PrintWriter(this.err, true));
		assertThat(cli.execute(new String[0])).isEqualTo(1);
		assertThat(this.err.toString()).contains("port 8000 is taken");
	}

	private OperatorCli cli(Supplier<OperatorDatabase> database) {
		return new OperatorCli((args) -> {
			this.served.add(List.of(args));
			return () -> {
			};
		}, database, OperatorCliTest::noGpu, Clock.systemUTC(), new PrintWriter(this.out, true),
				new PrintWriter(this.err, true));
	}

	private static GpuState noGpu() {
		return new GpuState(true, false, false, "no CUDA driver");
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
