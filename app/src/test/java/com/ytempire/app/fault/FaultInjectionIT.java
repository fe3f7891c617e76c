package com.ytempire.app.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.UUID;

import com.ytempire.app.deploy.PackagedJar;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault harness, short: a minute of load on two application processes sharing one
 * PostgreSQL, with application processes killed, the database stopped in both modes and
 * the projections rebuilt on one process while the other one goes on, twice each; the ten
 * videos it schedules are produced meanwhile, and each must end once. The long run is
 * started through the benchmark profile (RELIABILITY.md).
 */
class FaultInjectionIT {

	@Test
	void noAcknowledgedCommandIsLostOrAppliedTwiceThroughKillsAndDatabaseRestarts() throws Exception {
		Path directory = Paths.get("target", "fault-runs", UUID.randomUUID().toString()).toAbsolutePath();
		Files.createDirectories(directory);
		FaultReport report = new FaultRun(PackagedJar.path(), directory, Duration.ofSeconds(60), 8, 3, 10, 0,
				Duration.ofMinutes(5))
			.execute();
		System.out.println(report.table());

		assertThat(report.faults()).allSatisfy((fault, count) -> assertThat(count).as("%s", fault).isEqualTo(2));
		assertThat(report.commands().acknowledged()).isPositive();
		assertThat(report.commands().rejected()).isPositive();
		assertThat(report.commands().problems()).isEmpty();
		assertThat(report.commands().lost()).isZero();
		assertThat(report.commands().duplicated()).isZero();
		assertThat(report.commands().rejectedStored()).isZero();
		assertThat(report.readModels().error()).isNull();
		assertThat(report.readModels().differing()).isEmpty();
		assertThat(report.readModels().tables()).isPositive();
		assertThat(report.incidents()).isEmpty();
		assertThat(report.production().videos()).isPositive();
		assertThat(report.production().stuck()).isEmpty();
		assertThat(report.production().sagasLeft()).isZero();
		assertThat(report.production().duplicated()).isEmpty();
		assertThat(report.production().repeated()).isEmpty();
		// Kept only when the test fails, for the logs and the database.
		FileSystemUtils.deleteRecursively(directory);
	}

}
