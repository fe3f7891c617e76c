package com.ytempire.monitoring.grafana;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Enough PromQL for our dashboards and rules:
 * label matchers, ranges, strings and grouping clauses are removed, and what is left that
 * is neither a function call nor a keyword is a metric name.
 */
final class MetricNames {

	private static final Pattern REMOVED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^}]*}|\\[[^]]*]|\\$\\w+"
			+ "|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	private MetricNames() {
	}

	static Set<String> in(String expression) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = IDENTIFIER.matcher(REMOVED.matcher(expression).replaceAll(" "));
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

}
