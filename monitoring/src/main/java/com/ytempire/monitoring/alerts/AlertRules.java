package com.ytempire.monitoring.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The alert rules this build ships: {@code monitoring/prometheus/alerts/ytempire.yml},
 * the file Prometheus loads, packaged into the jar. Whatever shows the rules (the
 * console) reads them from here, so it cannot drift from what Prometheus evaluates.
 */
public final class AlertRules {

	/** Where the build puts the rule file on the class path. */
	static final String RESOURCE = "ytempire.yml";

	private AlertRules() {
	}

	/**
	 * Every alerting rule of the shipped file, in the file's order.
	 */
	public static List<AlertRule> shipped() {
		try (InputStream in = AlertRules.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The build did not ship the alert rules ("
						+ AlertRules.class.getPackageName().replace('.', '/') + "/" + RESOURCE + ")");
			}
			return parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static List<AlertRule> parse(InputStream in) {
		Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		List<AlertRule> rules = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				if (rule.get("alert") == null) {
					continue;
				}
				Map<String, Object> labels = (Map<String, Object>) rule.getOrDefault("labels", Map.of());
				Map<String, Object> annotations = (Map<String, Object>) rule.getOrDefault("annotations", Map.of());
				rules.add(new AlertRule(String.valueOf(rule.get("alert")), String.valueOf(group.get("name")),
						text(labels.get("severity")), text(annotations.get("summary")),
						text(annotations.get("description")), String.valueOf(rule.get("expr")).strip(),
						text(rule.get("for")), text(annotations.get("runbook_url"))));
			}
		}
		return List.copyOf(rules);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * One alerting rule: its name, group, {@code severity} label, {@code summary} and
	 * {@code description} annotations (Prometheus templates, unexpanded), expression,
	 * {@code for} duration (null for none) and {@code runbook_url}.
	 */
	public record AlertRule(String name, String group, String severity, String summary, String description, String expr,
			String duration, String runbookUrl) {

	}

}
