package com.ytempire.monitoring.prometheus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert rule links, with its {@code runbook_url} annotation, to a section of the
 * runbook that exists: a link to a heading that was renamed or never written leaves the
 * person paged at the top of a long document.
 */
class RunbookLinksTest {

	static final Path RUNBOOK = Path.of("..", "ops", "RUNBOOK.md");

	private static final Pattern LINK = Pattern.compile("ops/RUNBOOK\\.md#([^#\\s]+)");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertLinksToARunbookSection() throws IOException {
		Map<String, Object> file = new Yaml()
			.load(Files.readString(PrometheusRulesTest.PROMETHEUS.resolve("alerts/ytempire.yml")));
		Set<String> anchors = anchors(Files.readString(RUNBOOK));
		int rules = 0;
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				if (rule.containsKey("alert")) {
					rules++;
					Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
					String url = (annotations != null) ? (String) annotations.get("runbook_url") : null;
					assertThat(url).as(rule.get("alert") + " runbook_url").isNotNull().matches(LINK);
					Matcher link = LINK.matcher(url);
					assertThat(link.matches()).isTrue();
					assertThat(anchors).as(rule.get("alert") + " links to a heading of RUNBOOK.md")
						.contains(link.group(1));
				}
			}
		}
		assertThat(rules).isGreaterThanOrEqualTo(12);
	}

	@Test
	void anchorsAreGitHubs() {
		assertThat(anchors("""
				# YTEmpire runbook
				## Level 1: service restart (target 5 minutes)
				```sh
				# a comment, not a heading
				```
				### `AppDown`
				## First look (any severity)
				## First look (any severity)
				""")).containsExactly("ytempire-runbook", "level-1-service-restart-target-5-minutes", "appdown",
				"first-look-any-severity", "first-look-any-severity-1");
	}

	/**
	 * The anchors GitHub gives the document's headings: the heading's text in lower case,
	 * without punctuation, spaces as hyphens, and "-1", "-2"… after a repeated one.
	 */
	static Set<String> anchors(String markdown) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		boolean fenced = false;
		for (String line : markdown.split("\n")) {
			if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
				fenced = !fenced;
				continue;
			}
			Matcher heading = HEADING.matcher(line);
			if (fenced || !heading.matches()) {
				continue;
			}
			String text = heading.group(1).replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
			String slug = text.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N}\\p{M}\\p{Pc} -]", "")
				.replace(' ', '-');
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

}
