package com.ytempire.monitoring.prometheus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs promtool over the Prometheus configuration, the alert rules and their unit tests.
 * promtool comes with Debian's {@code prometheus} package; without it the checks are
 * skipped on a workstation, and fail in CI ({@code CI=true}), where it must be installed.
 */
class PrometheusRulesTest {

	static final Path PROMETHEUS = Path.of("prometheus");

	private static final Pattern ALERT = Pattern.compile("^\\s*- alert: (\\w+)", Pattern.MULTILINE);

	private static final Pattern TESTED_ALERT = Pattern.compile("^\\s*alertname: (\\w+)", Pattern.MULTILINE);

	@Test
	void configurationIsValid() throws Exception {
		promtool("check", "config", "prometheus.yml");
	}

	@Test
	void rulesAreValid() throws Exception {
		promtool("check", "rules", "alerts/ytempire.yml");
	}

	@Test
	void ruleTestsPass() throws Exception {
		promtool("test", "rules", "tests/ytempire-test.yml");
	}

	@Test
	void everyAlertHasACaseThatFiresAndOneThatDoesNot() throws IOException {
		String tests = Files.readString(PROMETHEUS.resolve("tests/ytempire-test.yml"));
		Set<String> alerts = matches(ALERT, Files.readString(PROMETHEUS.resolve("alerts/ytempire.yml")));
		assertThat(alerts).contains("HighErrorRate", "SlowAPIResponse", "HighMemoryUsage", "DiskSpaceLow",
				"CostPerVideoHigh", "VideoGenerationFailed", "ProjectionLagHigh", "EventStoreAppendSlow",
				"SagaBacklogHigh", "DeadLettersPresent", "BackupStale", "AppDown");
		for (String alert : alerts) {
			List<String> cases = Pattern.compile("alertname: " + alert + "\\n\\s*exp_alerts:(.*)")
				.matcher(tests)
				.results()
				.map((match) -> match.group(1).strip())
				.toList();
			assertThat(cases).as(alert + " fires in one case").anyMatch(String::isEmpty);
			assertThat(cases).as(alert + " stays quiet in another").contains("[]");
		}
		assertThat(matches(TESTED_ALERT, tests)).containsExactlyInAnyOrderElementsOf(alerts);
	}

	@Test
	void alertmanagerTakesItsSecretsFromTheEnvironment() throws IOException {
		String config = Files.readString(PROMETHEUS.resolve("alertmanager.yml"));
		assertThat(config).contains("receiver: pagerduty", "pagerduty_configs", "slack_configs", "email_configs");
		for (String secret : List.of("smtp_auth_password", "slack_api_url", "routing_key")) {
			assertThat(config).containsPattern(secret + ": '\\$\\{[A-Z_]+}'");
		}
	}

	private static Set<String> matches(Pattern pattern, String text) {
		return pattern.matcher(text)
			.results()
			.map((match) -> match.group(1))
			.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
	}

	static void promtool(String... arguments) throws Exception {
		Path promtool = Path.of("/usr/bin/promtool");
		boolean ci = "true".equals(System.getenv("CI"));
		if (!Files.isExecutable(promtool)) {
			assertThat(ci).as("promtool is required in CI: install Debian's prometheus package").isFalse();
			assumeTrue(false, "promtool is not installed (Debian package prometheus); skipping the Prometheus checks");
		}
		List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

}
