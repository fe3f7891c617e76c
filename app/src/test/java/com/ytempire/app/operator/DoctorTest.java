package com.ytempire.app.operator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.backup.Databases;
import com.ytempire.app.backup.OperatorRun;
import com.ytempire.app.database.CommandLineDatabase;
import com.ytempire.app.database.DatabaseEndpoint;
import com.ytempire.app.render.CommandLineGpu;
import com.ytempire.ops.OperatorDatabase;
import com.ytempire.render.compositor.GpuProbe;
import com.ytempire.render.compositor.GpuStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ytempire doctor} against the running application's database. */
@IntegrationTest
class DoctorTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseEndpoint endpoint;

	@Autowired
	Environment environment;

	@TempDir
	Path backups;

	@TempDir
	Path data;

	private Supplier<OperatorDatabase> database;

	@BeforeEach
	void setUp() {
		this.database = new Databases(this.endpoint, this.environment, this.jdbc).source();
		Api.at(this.port, TestKeys.OPERATOR).createChannel("Doctor " + System.nanoTime(), 1);
	}

	@Test
	void aHealthyServiceWithARecentBackupPassesEveryCheck() {
		assertThat(OperatorRun.of(this.database, "backup", this.backups.toString()).status()).isZero();

		OperatorRun doctor = doctor();

		assertThat(doctor.status()).as(doctor.toString()).isZero();
		assertThat(doctor.out()).contains("OK    database: ", "PostgreSQL ")
			.containsPattern("OK    event store: \\d+ events, head at position \\d+")
			.contains("projection videos[0]: at position ", "OK    dead letters: none",
					"OK    backup: newest taken at ", "free for " + this.data)
			.containsPattern((GpuProbe.status().available() ? "OK  " : "WARN") + "  gpu: ")
			.endsWith("healthy" + System.lineSeparator());
	}

	/**
	 * With {@code YTEMPIRE_GPU=require} the service refuses to start without a GPU, and
	 * so doctor fails where the renderer's probe finds none.
	 */
	@Test
	void aRequiredGpuFailsTheCheckWhereTheRendererFindsNone() {
		assertThat(OperatorRun.of(this.database, "backup", this.backups.toString()).status()).isZero();
		GpuStatus gpu = GpuProbe.status();

		OperatorRun doctor = OperatorRun.of(this.database, () -> CommandLineGpu.probe("--ytempire.render.gpu=require"),
				"doctor", "--backups", this.backups.toString(), "--data-dir", this.data.toString());

		if (gpu.available()) {
			assertThat(doctor.status()).as(doctor.toString()).isZero();
			assertThat(doctor.out()).contains("OK    gpu: " + gpu.detail());
		}
		else {
			assertThat(doctor.status()).as(doctor.toString()).isEqualTo(1);
			assertThat(doctor.out())
				.contains("FAIL  gpu: no usable GPU (" + gpu.detail() + "), but YTEMPIRE_GPU=require")
				.endsWith("1 checks failed" + System.lineSeparator());
		}
	}

	@Test
	void deadLettersAndAStaleBackupFailTheirChecks() {
		assertThat(OperatorRun.of(this.database, "backup", this.backups.toString()).status()).isZero();
		this.jdbc.update("INSERT INTO DeadLetterEntry (deadLetterIdentifier, processingGroup, sequenceIdentifier,"
				+ " sequenceIndex, messageType, eventIdentifier, timestamp, payloadType, payload, enqueuedAt)"
				+ " VALUES ('doctor-test', 'doctor-test-group', 'sequence', 0, 'event', 'event-id', 'now', 'Type',"
				+ " '\\x7b7d', now()::text)");
		try {
			OperatorRun doctor = doctor("--max-backup-age", "PT0S");

			assertThat(doctor.status()).as(doctor.toString()).isEqualTo(1);
			assertThat(doctor.out())
				.contains("FAIL  dead letters: events a processor gave up on, doctor-test-group: 1",
						"FAIL  backup: newest taken at ")
				.endsWith("2 checks failed" + System.lineSeparator());
		}
		finally {
			this.jdbc.update("DELETE FROM DeadLetterEntry WHERE deadLetterIdentifier = 'doctor-test'");
		}
	}

	@Test
	void anUnreachableDatabaseFailsWithoutAStackTrace() {
		OperatorRun doctor = OperatorRun.of(
				() -> CommandLineDatabase.at("jdbc:postgresql://127.0.0.1:1/nothing", "nobody", "none", List.of()),
				"doctor", "--data-dir", this.data.toString());

		assertThat(doctor.status()).isEqualTo(1);
		assertThat(doctor.out()).contains("FAIL  database: unreachable or unreadable: ").doesNotContain("\tat ");
		assertThat(doctor.out()).contains("WARN  backup: no backup folder given");
	}

	private OperatorRun doctor(String... options) {
		List<String> args = new ArrayList<>(
				List.of("doctor", "--backups", this.backups.toString(), "--data-dir", this.data.toString()));
		args.addAll(List.of(options));
		return OperatorRun.of(this.database, args.toArray(String[]::new));
	}

}
