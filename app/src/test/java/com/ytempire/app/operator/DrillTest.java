package com.ytempire.app.operator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.YtEmpireApplication;
import com.ytempire.app.backup.Databases;
import com.ytempire.app.backup.OperatorRun;
import com.ytempire.app.database.DatabaseEndpoint;
import com.ytempire.ops.OperatorDatabase;
import com.ytempire.ops.ServiceStarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ytempire drill}: the newest backup restored into a scratch database, replayed by
 * a second instance of the service, and its read models found equal to the live ones.
 */
@IntegrationTest
class DrillTest {

	private static final ServiceStarter SERVICE = (args) -> new SpringApplicationBuilder(YtEmpireApplication.class)
		.run(args);

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

	private Supplier<OperatorDatabase> database;

	@BeforeEach
	void setUp() {
		this.database = new Databases(this.endpoint, this.environment, this.jdbc).source();
	}

	@Test
	void theRestoredBackupReplaysIntoTheLiveReadModelsAndReportsRpoAndRto() {
		Api operator = Api.at(this.port, TestKeys.OPERATOR);
		for (int i = 0; i < 3; i++) {
			String channelId = operator.createChannel("Drilled " + System.nanoTime(), 5);
			String videoId = operator.scheduleVideo(channelId, Instant.now().plusSeconds(86_400).toString());
			operator
				.post("/api/v1/videos/" + videoId + "/costs",
						Map.of("costId", "drill", "category", "SCRIPT", "amount", "0.25", "provider", "test"))
				.expectStatus()
				.isCreated();
		}
		assertThat(OperatorRun.of(this.database, "backup", this.backups.toString()).status()).isZero();

		OperatorRun drill = OperatorRun.of(SERVICE, this.database, "drill", this.backups.toString());

		assertThat(drill.status()).as(drill.toString()).isZero();
		assertThat(drill.out()).contains("rm_video: same as live", "rm_channel: same as live")
			.doesNotContain("DIFFERS")
			.containsPattern("drill passed: backup \\S+-full, \\d+ events; RPO \\d+\\.\\d s \\(the newest backup's"
					+ " age\\), RTO \\d+\\.\\d s \\(restore \\d+\\.\\d s, replay \\d+\\.\\d s\\)");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_database WHERE datname LIKE 'ytempire_drill_%'",
				Long.class))
			.isZero();
	}

}
