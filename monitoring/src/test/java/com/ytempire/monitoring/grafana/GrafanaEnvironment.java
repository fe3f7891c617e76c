package com.ytempire.monitoring.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Grafana fills environment variables into the values of a provisioning file (its
 * {@code pkg/services/provisioning/values}), so that a test can render the files as
 * Grafana will:
 * <ol>
 * <li>the value is split at {@code $$}, which stands for a literal {@code $};</li>
 * <li>in each piece, {@code ${NAME}} and {@code $__env{NAME}} become the variable's value
 * and {@code $__file{PATH}} the trimmed content of the file (everything between the
 * braces is the name);</li>
 * <li>then the piece goes through Go's {@code os.ExpandEnv}: {@code $NAME} and
 * {@code ${NAME}} once more, so a value that came in through {@code ${NAME}} and holds a
 * {@code $} is expanded twice.</li>
 * </ol>
 * An unset variable is empty. There is no default: {@code ${NAME:-value}} asks for the
 * variable named {@code NAME:-value}, which does not exist, and becomes the empty string.
 * (Grafana's one special case, {@code HOSTNAME} falling back to the host's name, is left
 * out.)
 */
final class GrafanaEnvironment {

	/** The expanders' pattern (Grafana's {@code setting.ExpandVar}). */
	private static final Pattern EXPANDER = Pattern.compile("\\$(|__\\w+)\\{([^}]+)}");

	private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*+";

	/** The references that expand to a named variable or a file. */
	private static final Pattern SUPPORTED = Pattern
		.compile("\\$(?:\\{" + NAME + "}|__env\\{" + NAME + "}|__file\\{[^}]+}|" + NAME + "(?!\\{))");

	private GrafanaEnvironment() {
	}

	/**
	 * The value as Grafana provisions it with the given environment.
	 */
	static String expand(String value, Map<String, String> environment) {
		UnaryOperator<String> env = (name) -> environment.getOrDefault(name, "");
		List<String> expanded = new ArrayList<>();
		for (String part : value.split(Pattern.quote("$$"), -1)) {
			part = applyExpander(part, "env", env);
			part = applyExpander(part, "file", GrafanaEnvironment::readFile);
			expanded.add(osExpand(part, env));
		}
		return String.join("$", expanded);
	}

	/**
	 * The references in the value that do not name a variable (or a file) the way Grafana
	 * reads them, such as a shell default {@code ${NAME:-value}}, {@code ${}}, {@code $1}
	 * or a lone {@code $}: each expands to something other than its author meant.
	 */
	static List<String> unsupported(String value) {
		List<String> unsupported = new ArrayList<>();
		for (String part : value.split(Pattern.quote("$$"), -1)) {
			Matcher supported = SUPPORTED.matcher(part);
			for (int at = part.indexOf('$'); at >= 0; at = part.indexOf('$', at + 1)) {
				if (supported.region(at, part.length()).lookingAt()) {
					at = supported.end() - 1;
				}
				else {
					boolean braced = part.startsWith("${", at) || part.startsWith("$__", at);
					int end = braced ? part.indexOf('}', at) + 1 : Math.min(at + 2, part.length());
					unsupported.add(part.substring(at, (end > 0) ? end : part.length()));
				}
			}
		}
		return unsupported;
	}

	// Like Grafana, finds every match first and then replaces the first occurrence of
	// each in the string as it is by then.
	private static String applyExpander(String value, String name, UnaryOperator<String> expander) {
		List<Matcher> matches = new ArrayList<>();
		Matcher matcher = EXPANDER.matcher(value);
		String expanded = value;
		while (matcher.find()) {
			String prefix = matcher.group(1);
			if (prefix.equals("__" + name) || (prefix.isEmpty() && name.equals("env"))) {
				String replacement = expander.apply(matcher.group(2));
				int at = expanded.indexOf(matcher.group());
				expanded = expanded.substring(0, at) + replacement + expanded.substring(at + matcher.group().length());
			}
		}
		return expanded;
	}

	private static String readFile(String path) {
		try {
			return Files.readString(Path.of(path)).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Grafana fails to provision: cannot read " + path, ex);
		}
	}

	/** Go's {@code os.Expand}. */
	private static String osExpand(String s, UnaryOperator<String> mapping) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		for (int j = 0; j < s.length(); j++) {
			if (s.charAt(j) == '$' && j + 1 < s.length()) {
				out.append(s, i, j);
				String rest = s.substring(j + 1);
				String name;
				int width;
				if (rest.charAt(0) == '{') {
					if (rest.length() > 2 && isShellSpecial(rest.charAt(1)) && rest.charAt(2) == '}') {
						name = rest.substring(1, 2);
						width = 3;
					}
					else {
						int close = rest.indexOf('}');
						if (close == 1) {
							name = "";
							width = 2;
						}
						else if (close < 0) {
							name = "";
							width = 1;
						}
						else {
							name = rest.substring(1, close);
							width = close + 1;
						}
					}
				}
				else if (isShellSpecial(rest.charAt(0))) {
					name = rest.substring(0, 1);
					width = 1;
				}
				else {
					width = 0;
					while (width < rest.length() && isAlphaNumeric(rest.charAt(width))) {
						width++;
					}
					name = rest.substring(0, width);
				}
				if (name.isEmpty() && width == 0) {
					// Not followed by a name: the dollar stays.
					out.append('$');
				}
				else if (!name.isEmpty()) {
					out.append(mapping.apply(name));
				}
				// (A name-less "${" or "${}" is eaten.)
				j += width;
				i = j + 1;
			}
		}
		return out.append(s, Math.min(i, s.length()), s.length()).toString();
	}

	private static boolean isShellSpecial(char c) {
		return "*#$@!?-0123456789".indexOf(c) >= 0;
	}

	private static boolean isAlphaNumeric(char c) {
		return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
