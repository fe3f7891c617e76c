package com.ytempire.monitoring.grafana;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Prometheus data source's URL, rendered as Grafana renders provisioning files, is an
 * HTTP URL both with the compose stack's default and with an operator's override: a
 * default written in shell syntax would silently leave Grafana with no URL at all.
 */
class DatasourceProvisioningTest {

	private static final Path PROVISIONING = Path.of("grafana", "provisioning");

	private static final Path DATASOURCE = PROVISIONING.resolve(Path.of("datasources", "prometheus.yml"));

	private static final Path COMPOSE = Path.of("..", "ops", "deploy", "compose.yaml");

	/** Compose's own interpolation, which (unlike Grafana's) has defaults. */
	private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}");

	@Test
	void urlIsPrometheusWithTheComposeDefault() throws IOException {
		URI url = renderedUrl(grafanaEnvironment(Map.of()));
		assertThat(url).isEqualTo(URI.create("http://prometheus:9090"));
	}

	@Test
	void urlFollowsAnOverride() throws IOException {
		URI url = renderedUrl(grafanaEnvironment(Map.of("PROMETHEUS_URL", "https://metrics.example.net:9443/prom")));
		assertThat(url).isEqualTo(URI.create("https://metrics.example.net:9443/prom"));
	}

	/**
	 * Outside compose nothing supplies a default: the URL comes from PROMETHEUS_URL only.
	 */
	@Test
	void urlIsPrometheusUrlAsGrafanaSeesIt() throws IOException {
		URI url = renderedUrl(Map.of("PROMETHEUS_URL", "http://localhost:9090"));
		assertThat(url).isEqualTo(URI.create("http://localhost:9090"));
	}

	@Test
	void provisioningUsesOnlySyntaxGrafanaExpands() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(PROVISIONING)) {
			files = walk.filter((file) -> file.toString().matches(".*\\.ya?ml")).sorted().toList();
		}
		assertThat(files).contains(DATASOURCE);
		Map<String, String> environment = grafanaEnvironment(Map.of());
		for (Path file : files) {
			for (String value : strings(new Yaml().load(Files.readString(file)))) {
				assertThat(GrafanaEnvironment.unsupported(value)).as("%s: %s", file, value).isEmpty();
				assertThat(GrafanaEnvironment.expand(value, environment)).as("%s: %s rendered", file, value)
					.doesNotContain("$", "{", "}");
			}
		}
	}

	@Test
	void expandsWhatGrafanaExpands(@TempDir Path directory) throws IOException {
		Map<String, String> environment = Map.of("HOST", "prom", "PORT", "9090", "PASSWORD", "Pa$sw0rd");
		assertThat(GrafanaEnvironment.expand("http://$HOST:${PORT}/", environment)).isEqualTo("http://prom:9090/");
		assertThat(GrafanaEnvironment.expand("$__env{HOST}", environment)).isEqualTo("prom");
		assertThat(GrafanaEnvironment.expand("${UNSET}x$UNSET", environment)).isEqualTo("x");
		assertThat(GrafanaEnvironment.expand("$${HOST} $$HOST", environment)).isEqualTo("${HOST} $HOST");
		assertThat(GrafanaEnvironment.expand("cost $ 5$", environment)).isEqualTo("cost $ 5$");
		// Grafana's documented double expansion: ${NAME} is expanded once more, $NAME is
		// not.
		assertThat(GrafanaEnvironment.expand("${PASSWORD}", environment)).isEqualTo("Pa");
		assertThat(GrafanaEnvironment.expand("$PASSWORD", environment)).isEqualTo("Pa$sw0rd");
		Path secret = Files.writeString(directory.resolve("secret"), "s3cret\n");
		assertThat(GrafanaEnvironment.expand("$__file{" + secret + "}", environment)).isEqualTo("s3cret");
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> GrafanaEnvironment.expand("$__file{" + directory.resolve("none") + "}", environment));
	}

	@Test
	void shellDefaultsAreNotGrafanaSyntax() {
		Map<String, String> environment = Map.of("HOST", "prom");
		assertThat(GrafanaEnvironment.expand("${HOST:-http://prometheus:9090}", environment)).isEmpty();
		assertThat(GrafanaEnvironment.expand("${UNSET:-http://prometheus:9090}", environment)).isEmpty();
		assertThat(GrafanaEnvironment.unsupported("${PROMETHEUS_URL:-http://prometheus:9090}"))
			.containsExactly("${PROMETHEUS_URL:-http://prometheus:9090}");
		assertThat(GrafanaEnvironment.unsupported("x${} $1 ${A} $A $__env{A} $$ $")).containsExactly("${}", "$1", "$");
		assertThat(GrafanaEnvironment.unsupported("$__vault{a:b}")).containsExactly("$__vault{a:b}");
	}

	@SuppressWarnings("unchecked")
	private static URI renderedUrl(Map<String, String> environment) throws IOException {
		Map<String, Object> file = new Yaml().load(Files.readString(DATASOURCE));
		Map<String, Object> datasource = ((List<Map<String, Object>>) file.get("datasources")).get(0);
		assertThat(datasource.get("uid")).isEqualTo("ytempire-prometheus");
		String url = GrafanaEnvironment.expand((String) datasource.get("url"), environment);
		URI uri = URI.create(url);
		assertThat(uri.getScheme()).as("rendered URL '%s'", url).isIn("http", "https");
		assertThat(uri.getHost()).as("rendered URL '%s'", url).isNotBlank();
		return uri;
	}

	/**
	 * The environment compose gives the Grafana container when the host's environment is
	 * {@code host}.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, String> grafanaEnvironment(Map<String, String> host) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
		Map<String, Object> grafana = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
			.get("grafana");
		String declared = (String) ((Map<String, Object>) grafana.get("environment")).get("PROMETHEUS_URL");
		assertThat(declared).as("compose gives Grafana PROMETHEUS_URL").isNotNull();
		Matcher variable = COMPOSE_VARIABLE.matcher(declared);
		String value = variable.replaceAll((match) -> {
			String set = host.getOrDefault(match.group(1), "");
			return Matcher.quoteReplacement((set.isEmpty() && match.group(2) != null) ? match.group(2) : set);
		});
		return Map.of("PROMETHEUS_URL", value);
	}

	private static List<String> strings(Object yaml) {
		List<String> strings = new ArrayList<>();
		if (yaml instanceof String string) {
			strings.add(string);
		}
		else if (yaml instanceof Map<?, ?> map) {
			map.values().forEach((value) -> strings.addAll(strings(value)));
		}
		else if (yaml instanceof List<?> list) {
			list.forEach((value) -> strings.addAll(strings(value)));
		}
		return strings;
	}

}
