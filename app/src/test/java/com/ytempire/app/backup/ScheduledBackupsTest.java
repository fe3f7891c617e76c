package com.ytempire.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.database.DatabaseEndpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service's own backups of its database, on a schedule. */
@IntegrationTest
class ScheduledBackupsTest {

	private static final ScheduledBackups.Schedule NEVER_FULL = new ScheduledBackups.Schedule(Duration.ofMinutes(5),
			CronExpression.parse("0 0 3 * * *"), Duration.ofDays(30));

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseEndpoint endpoint;

	@Autowired
	Environment environment;

	@TempDir
	Path folder;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private Databases databases;

	@BeforeEach
	void setUp() {
		this.databases = new Databases(this.endpoint, this.environment, this.jdbc);
	}

	@Test
	void theFirstBackupIsFullTheNextIncrementalAndTheLastSuccessIsExported() throws IOException {
		ScheduledBackups backups = backups(this.folder, NEVER_FULL, this.registry);
		assertThat(lastSuccess(this.registry)).isZero();

		Instant before = Instant.now().minusSeconds(1);
		backups.incremental();
		Api.at(this.port, TestKeys.OPERATOR).createChannel("Backed up " + System.nanoTime(), 1);
		backups.incremental();

		assertThat(names(this.folder)).hasSize(2).satisfies((names) -> {
			assertThat(names.get(0)).endsWith("-full");
			assertThat(names.get(1)).endsWith("-incremental");
		});
		assertThat(lastSuccess(this.registry)).isGreaterThanOrEqualTo(before.getEpochSecond());

		SimpleMeterRegistry restarted = new SimpleMeterRegistry();
		backups(this.folder, NEVER_FULL, restarted);
		assertThat(lastSuccess(restarted)).isEqualTo(lastSuccess(this.registry));
	}

	@Test
	void aFailedBackupIsCountedAndLeavesTheLastSuccessAsItWas() throws IOException {
		Path notAFolder = Files.writeString(this.folder.resolve("a-file"), "not a folder");
		ScheduledBackups backups = backups(notAFolder, NEVER_FULL, this.registry);

		backups.incremental();

		assertThat(this.registry.get("ytempire.backup.failures").counter().count()).isEqualTo(1);
		assertThat(lastSuccess(this.registry)).isZero();
	}

	@Test
	void onceStartedItBacksUpOnItsOwnUntilStopped() throws IOException {
		ScheduledBackups.Schedule often = new ScheduledBackups.Schedule(Duration.ofMillis(300),
				CronExpression.parse("* * * * * *"), Duration.ofDays(30));
		ScheduledBackups backups = backups(this.folder, often, this.registry);
		backups.start();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> names(this.folder).size() >= 3);
			assertThat(names(this.folder)).anyMatch((name) -> name.endsWith("-incremental"));
		}
		finally {
			backups.stop();
		}
		assertThat(backups.isRunning()).isFalse();
	}

	private ScheduledBackups backups(Path folder, ScheduledBackups.Schedule schedule, SimpleMeterRegistry registry) {
		return new ScheduledBackups(this.databases.source(), folder, schedule, Clock.systemUTC(), registry);
	}

	private static double lastSuccess(SimpleMeterRegistry registry) {
		return registry.get("ytempire.backup.last.success.timestamp").gauge().value();
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.map((entry) -> entry.getFileName().toString())
				.filter((name) -> !name.startsWith("."))
				.sorted()
				.toList();
		}
	}

}
