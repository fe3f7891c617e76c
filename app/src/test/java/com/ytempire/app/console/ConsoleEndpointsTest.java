package com.ytempire.app.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console reads besides the query API: who the key is, the health figures, and
 * its own files, which load before anyone has signed in.
 */
@IntegrationTest
class ConsoleEndpointsTest {

	private static final Path RULE_FILE = Path.of("..", "monitoring", "prometheus", "alerts", "ytempire.yml");

	@LocalServerPort
	private int port;

	@Test
	void sessionNamesTheKeyAndItsHighestRole() {
		assertThat(session(TestKeys.VIEWER)).isEqualTo(Map.of("name", "dashboard", "role", "viewer"));
		assertThat(session(TestKeys.OPERATOR)).isEqualTo(Map.of("name", "scheduler", "role", "operator"));
		assertThat(session(TestKeys.ADMIN)).isEqualTo(Map.of("name", "ops", "role", "admin"));
	}

	@Test
	void sessionAndHealthNeedAKey() {
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		anonymous.get().uri("/api/v1/session").exchange().expectStatus().isUnauthorized();
		anonymous.get().uri("/api/v1/console/health").exchange().expectStatus().isUnauthorized();
		anonymous.get().uri("/api/v1/console/alert-rules").exchange().expectStatus().isUnauthorized();
	}

	/**
	 * The operations page lists the alert rules from the rule file the build ships to
	 * Prometheus, read here straight from the module's source.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void alertRulesAreTheShippedRuleFile() throws IOException {
		List<Map<String, Object>> expected = new ArrayList<>();
		Map<String, Object> file = new Yaml().load(Files.readString(RULE_FILE));
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
				expected.add(Map.of("name", rule.get("alert"), "severity",
						((Map<String, Object>) rule.get("labels")).get("severity"), "summary",
						annotations.get("summary"), "runbookUrl", annotations.get("runbook_url")));
			}
		}
		List<Map<String, Object>> served = Api.at(this.port, TestKeys.VIEWER)
			.client()
			.get()
			.uri("/api/v1/console/alert-rules")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((rule) -> (Map<String, Object>) rule)
			.toList();
		assertThat(served)
			.extracting((rule) -> Map.of("name", rule.get("name"), "severity", rule.get("severity"), "summary",
					rule.get("summary"), "runbookUrl", rule.get("runbookUrl")))
			.containsExactlyElementsOf(expected);
		assertThat(expected).hasSizeGreaterThanOrEqualTo(12);
		assertThat(served).allSatisfy((rule) -> assertThat(rule).containsKeys("expr", "duration", "group"));
	}

	@Test
	void healthListsEveryProcessorAndWhatCanBeRebuilt() {
		Map<?, ?> health = Api.at(this.port, TestKeys.VIEWER)
			.client()
			.get()
			.uri("/api/v1/console/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<String> processors = ((List<?>) health.get("processors")).stream()
			.map((processor) -> (String) ((Map<?, ?>) processor).get("name"))
			.toList();
		assertThat(processors).contains("channel-summary", "videos", "cost-analytics", "platform-overview",
				"time-series");
		assertThat(((List<?>) health.get("rebuildable")).stream().map(String::valueOf).toList())
			.contains("channel-summary", "videos");
		assertThat(health.get("deadLetters")).isEqualTo(0);
		assertThat(health.containsKey("lastBackupAt")).isTrue();
	}

	@Test
	void pagesAndTheChartLibraryLoadWithoutAKey() {
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		anonymous.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		anonymous.get().uri("/console/app.js").exchange().expectStatus().isOk();
		anonymous.get().uri("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").exchange().expectStatus().isOk();
		anonymous.post().uri("/console/app.js").exchange().expectStatus().isUnauthorized();
	}

	private Map<?, ?> session(String key) {
		return Api.at(this.port, key)
			.client()
			.get()
			.uri("/api/v1/session")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
