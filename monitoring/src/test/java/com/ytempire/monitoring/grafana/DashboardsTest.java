package com.ytempire.monitoring.grafana;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards parse and have stable, unique uids; and every metric name that a panel
 * or an alert rule reads is pinned in {@code metrics-used.txt}, the list the
 * application's scrape test compares with what the running application exports.
 */
class DashboardsTest {

	private static final Path DASHBOARDS = Path.of("grafana", "dashboards");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void dashboardsHaveStableUniqueUids() throws IOException {
		List<String> uids = dashboards().stream().map((dashboard) -> dashboard.path("uid").asString()).toList();
		assertThat(uids).containsExactlyInAnyOrder("ytempire-system-overview", "ytempire-performance",
				"ytempire-business", "ytempire-event-store");
		assertThat(new HashSet<>(uids)).hasSameSizeAs(uids);
		for (JsonNode dashboard : dashboards()) {
			List<Integer> ids = panels(dashboard).stream().map((panel) -> panel.path("id").asInt()).toList();
			assertThat(new HashSet<>(ids)).as(dashboard.path("title").asString() + " panel ids").hasSameSizeAs(ids);
			panels(dashboard).forEach((panel) -> assertThat(panel.path("datasource").path("uid").asString())
				.isEqualTo("ytempire-prometheus"));
		}
	}

	/**
	 * With several nodes scraped, a panel that does not filter by instance mixes them all
	 * and cannot be narrowed to the one being looked at. Host panels read node_exporter,
	 * whose instances are hosts, not the application's nodes: they filter by
	 * {@code host}.
	 */
	@Test
	void everyPanelQueryFiltersByTheInstanceVariable() throws IOException {
		for (JsonNode dashboard : dashboards()) {
			String title = dashboard.path("title").asString();
			Map<String, JsonNode> variables = new HashMap<>();
			dashboard.path("templating")
				.path("list")
				.forEach((variable) -> variables.put(variable.path("name").asString(), variable));
			assertThat(variables).as(title + " variables").containsKey("instance");
			for (JsonNode panel : panels(dashboard)) {
				panel.path("targets").forEach((target) -> {
					String expr = target.path("expr").asString();
					for (String metric : MetricNames.in(expr)) {
						String variable = metric.startsWith("node_") ? "host" : "instance";
						assertThat(variables).as(title + " defines $" + variable).containsKey(variable);
						assertThat(selectors(expr, metric))
							.as(title + " / " + panel.path("title").asString() + ": " + expr)
							.isNotEmpty()
							.allMatch((matchers) -> matchers.contains("instance=~\"$" + variable + "\""));
					}
				});
			}
			assertThat(variables.get("instance").path("definition").asString())
				.isEqualTo("label_values(up{job=\"ytempire\"}, instance)");
			variables.values().forEach((variable) -> {
				assertThat(variable.path("multi").asBoolean())
					.as(title + " $" + variable.path("name").asString() + " multi")
					.isTrue();
				assertThat(variable.path("includeAll").asBoolean()).isTrue();
				assertThat(variable.path("allValue").asString()).isEqualTo(".*");
			});
		}
	}

	@Test
	void costPerVideoGaugeHasTheDocumentsThresholds() throws IOException {
		JsonNode business = dashboards().stream()
			.filter((dashboard) -> dashboard.path("uid").asString().equals("ytempire-business"))
			.findFirst()
			.orElseThrow();
		JsonNode gauge = panels(business).stream()
			.filter((panel) -> panel.path("title").asString().equals("Cost per Video"))
			.findFirst()
			.orElseThrow();
		assertThat(gauge.path("type").asString()).isEqualTo("gauge");
		List<Double> steps = new ArrayList<>();
		gauge.path("fieldConfig").path("defaults").path("thresholds").path("steps").forEach((step) -> {
			if (!step.path("value").isNull()) {
				steps.add(step.path("value").asDouble());
			}
		});
		assertThat(steps).containsExactly(0.40, 0.45, 0.50);
	}

	@Test
	void everyMetricThatDashboardsAndAlertsUseIsPinned() throws IOException {
		Set<String> used = new TreeSet<>();
		for (JsonNode dashboard : dashboards()) {
			for (JsonNode panel : panels(dashboard)) {
				panel.path("targets").forEach((target) -> used.addAll(MetricNames.in(target.path("expr").asString())));
			}
		}
		used.addAll(alertMetrics());
		assertThat(used).isEqualTo(names(Path.of("metrics-used.txt")));
		assertThat(used).as("the allow-list names only metrics that are used")
			.containsAll(names(Path.of("metrics-not-exported-here.txt")));
	}

	@Test
	void findsMetricNamesInPromQl() {
		assertThat(MetricNames
			.in("histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{route=~\"/api.*\"}[5m])))"))
			.containsExactly("http_request_duration_seconds_bucket");
		assertThat(MetricNames.in("time() - max(ytempire_backup_last_success_timestamp_seconds) > 26 * 3600"))
			.containsExactly("ytempire_backup_last_success_timestamp_seconds");
		assertThat(MetricNames.in("(a_total - b) / c unless on (job) d offset 5m")).containsExactly("a_total", "b", "c",
				"d");
	}

	/**
	 * The label matchers of each selector of the metric in the expression ("" for none).
	 */
	private static List<String> selectors(String expr, String metric) {
		return Pattern.compile("(?<![\\w.:\"])" + Pattern.quote(metric) + "(?![\\w:])(\\{[^}]*})?")
			.matcher(expr)
			.results()
			.map((match) -> (match.group(1) != null) ? match.group(1) : "")
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Set<String> alertMetrics() throws IOException {
		Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("prometheus", "alerts", "ytempire.yml")));
		Set<String> names = new TreeSet<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				names.addAll(MetricNames.in(String.valueOf(rule.get("expr"))));
			}
		}
		return names;
	}

	static Set<String> names(Path file) throws IOException {
		return Files.readAllLines(file)
			.stream()
			.map((line) -> line.replaceFirst("#.*", "").strip())
			.filter((line) -> !line.isEmpty())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<JsonNode> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			List<JsonNode> dashboards = new ArrayList<>();
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				dashboards.add(JSON.readTree(file.toFile()));
			}
			return dashboards;
		}
	}

	private static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		dashboard.path("panels").forEach(panels::add);
		return panels;
	}

}
