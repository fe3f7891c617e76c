package com.ytempire.monitoring.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.ytempire.monitoring.alerts.AlertRules.AlertRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on the class path are the rule file Prometheus loads, rule for rule.
 */
class AlertRulesTest {

	private static final Path RULE_FILE = Path.of("prometheus", "alerts", "ytempire.yml");

	@Test
	void theShippedRulesAreThePrometheusFile() throws IOException {
		List<AlertRule> fromFile;
		try (InputStream in = Files.newInputStream(RULE_FILE)) {
			fromFile = AlertRules.parse(in);
		}
		assertThat(AlertRules.shipped()).isEqualTo(fromFile);
		assertThat(fromFile).extracting(AlertRule::name)
			.containsExactly("HighErrorRate", "SlowAPIResponse", "HighMemoryUsage", "DiskSpaceLow", "AppDown",
					"CostPerVideoHigh", "VideoGenerationFailed", "ProjectionLagHigh", "EventStoreAppendSlow",
					"SagaBacklogHigh", "DeadLettersPresent", "BackupStale");
	}

	@Test
	void readsEachRulesLabelsAndAnnotations() {
		AlertRule backup = AlertRules.shipped()
			.stream()
			.filter((rule) -> rule.name().equals("BackupStale"))
			.findFirst()
			.orElseThrow();
		assertThat(backup)
			.isEqualTo(new AlertRule("BackupStale", "backup", "critical", "No successful backup for over a day",
					"The last successful backup is {{ $value | humanizeDuration }} old",
					"time() - max(ytempire_backup_last_success_timestamp_seconds) > 26 * 3600", "15m",
					"ops/RUNBOOK.md#backupstale"));
		assertThat(AlertRules.shipped()).allSatisfy((rule) -> {
			assertThat(rule.severity()).isIn("warning", "critical");
			assertThat(rule.summary()).isNotBlank();
		});
	}

}
