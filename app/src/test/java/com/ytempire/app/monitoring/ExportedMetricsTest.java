package com.ytempire.app.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.ytempire.api.video.FailVideoCommand;
import com.ytempire.api.video.MarkImagesReadyCommand;
import com.ytempire.api.video.MarkPublishedCommand;
import com.ytempire.api.video.MarkRenderedCommand;
import com.ytempire.api.video.MarkScriptReadyCommand;
import com.ytempire.api.video.MarkVoiceOverReadyCommand;
import com.ytempire.api.video.MediaRef;
import com.ytempire.api.video.StartRenderCommand;
import com.ytempire.app.YtEmpireApplication;
import com.ytempire.render.tools.RequiredTool;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scrapes the running application after real traffic: every metric the operations
 * document and the monitoring module promise is exported with its labels and moves with
 * the traffic, the scrape passes {@code promtool check metrics}, and every metric a
 * dashboard or alert rule uses is one the application exports (or is listed as coming
 * from another exporter or a feature still to come).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = YtEmpireApplication.class,
		properties = { "ytempire.data-dir=target/metrics-it/${random.uuid}", "ytempire.database.embedded.durable=false",
				"ytempire.security.api-keys=ops:admin:" + ExportedMetricsTest.SECRET,
				"ytempire.monitoring.poll-interval=200ms" })
class ExportedMetricsTest {

	static final String SECRET = "metrics-test-secret-0123456789";

	private static final Path MONITORING = Path.of("..", "monitoring");

	private static final MediaRef FILE = new MediaRef("sha256:0123456789abcdef", "application/octet-stream", 1024);

	private static final int PROMTOOL_LINT_PROBLEMS = 3;

	/**
	 * Names that Micrometer's own JVM binders choose and promtool's style lint dislikes
	 * (abbreviated units, a gauge ending in _count). They are not ours to rename; every
	 * other metric must lint clean.
	 */
	private static final Set<String> MICROMETER_LINT_EXCEPTIONS = Set.of("jvm_compilation_time_ms_total",
			"process_cpu_time_ns_total", "system_cpu_count");

	@LocalServerPort
	int port;

	@Autowired
	CommandGateway commands;

	@Test
	void exportsEveryPromisedMetricAndTheyMoveWithTraffic() throws Exception {
		Scrape before = scrape();
		String channel = createChannel("Metrics channel " + UUID.randomUUID());
		createChannel("Second channel " + UUID.randomUUID());
		String published = scheduleVideo(channel);
		recordCost(published, "script-1", 0.12);
		produce(published);
		String failed = scheduleVideo(channel);
		recordCost(failed, "script-2", 0.05);
		this.commands.sendAndWait(new FailVideoCommand(failed, "the voice provider refused the script"));
		client(null).get().uri("/api/v1/videos").exchange().expectStatus().isUnauthorized();
		client(SECRET).get().uri("/api/v1/channels").exchange().expectStatus().isOk();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Scrape after = scrape();
			assertThat(after.value("videos_generated_total", Map.of("channel", channel, "status", "published")))
				.isEqualTo(1);
			assertThat(after.value("videos_generated_total", Map.of("channel", channel, "status", "failed")))
				.isEqualTo(1);
			assertThat(after.value("eventprocessor_lag_events", Map.of("processor", "videos"))).isZero();
		});
		// GC pause timings exist only after a collection, which a short test may not have
		// had yet.
		System.gc();
		await().atMost(Duration.ofSeconds(10)).until(() -> scrape().names().contains("jvm_gc_pause_seconds_sum"));
		Scrape after = scrape();

		assertThat(after.value("http_requests_total",
				Map.of("method", "POST", "route", "/api/v1/channels", "status", "201")))
			.isEqualTo(before.value("http_requests_total",
					Map.of("method", "POST", "route", "/api/v1/channels", "status", "201")) + 2);
		assertThat(after.value("http_requests_total",
				Map.of("method", "POST", "route", "/api/v1/videos/{videoId}/costs", "status", "201")))
			.isGreaterThanOrEqualTo(2);
		assertThat(after.value("http_requests_total",
				Map.of("method", "GET", "route", "/api/v1/channels", "status", "200")))
			.isEqualTo(before.value("http_requests_total",
					Map.of("method", "GET", "route", "/api/v1/channels", "status", "200")) + 1);
		assertThat(after.value("http_requests_total", Map.of("method", "GET", "route", "unmatched", "status", "401")))
			.isGreaterThanOrEqualTo(1);
		assertThat(after.labelValues("http_request_duration_seconds_bucket", "le"))
			.as("the operations document's buckets")
			.containsExactlyInAnyOrder("0.1", "0.3", "0.5", "0.7", "1.0", "3.0", "5.0", "7.0", "10.0", "+Inf");
		assertThat(
				after.value("http_request_duration_seconds_count", Map.of("method", "POST", "route", "/api/v1/videos")))
			.isGreaterThanOrEqualTo(2);
		assertThat(after.text()).as("ids never become labels").doesNotContain(published).doesNotContain(failed);

		assertThat(after.value("video_generation_failures_total", Map.of()))
			.isEqualTo(before.value("video_generation_failures_total", Map.of()) + 1);
		assertThat(after.sum("video_generation_cost_dollars_sum")).isCloseTo(
				before.sum("video_generation_cost_dollars_sum") + 0.17, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(after.value("cost_per_video", Map.of())).isCloseTo(0.12, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(after.value("active_channels", Map.of())).isEqualTo(before.value("active_channels", Map.of()) + 2);
		assertThat(after.value("video_generation_duration_seconds_count", Map.of())).isEqualTo(1);

		assertThat(after.value("eventstore_events_appended_total", Map.of()))
			.isGreaterThan(before.value("eventstore_events_appended_total", Map.of()) + 10);
		assertThat(after.value("eventstore_append_seconds_count", Map.of()))
			.isGreaterThan(before.value("eventstore_append_seconds_count", Map.of()));
		assertThat(after.value("eventstore_head_position", Map.of()))
			.isGreaterThan(before.value("eventstore_head_position", Map.of()));
		assertThat(after.labelValues("eventprocessor_lag_seconds", "processor")).contains("videos");
		assertThat(after.value("eventprocessor_replay_progress", Map.of("processor", "videos"))).isEqualTo(1);
		assertThat(after.value("sagas_live", Map.of())).isZero();
		assertThat(after.value("dead_letters", Map.of())).isZero();
		assertThat(after.names()).contains("jvm_memory_used_bytes", "process_cpu_usage", "process_uptime_seconds",
				"hikaricp_connections_active", "hikaricp_connections_pending");

		everyNameDashboardsAndAlertsUseIsExported(after.names());
		// Last, so that where promtool is missing every other check has run.
		promtoolAccepts(after.text());
	}

	private void everyNameDashboardsAndAlertsUseIsExported(Set<String> exported) throws IOException {
		Set<String> used = names(MONITORING.resolve("metrics-used.txt"));
		Set<String> elsewhere = names(MONITORING.resolve("metrics-not-exported-here.txt"));
		assertThat(used).isNotEmpty();
		Set<String> missing = new TreeSet<>(used);
		missing.removeAll(exported);
		missing.removeAll(elsewhere);
		assertThat(missing).as("metrics that dashboards or alerts use but the application does not export").isEmpty();
	}

	// One name per line; '#' starts a comment (the allow-list says why each name is
	// there).
	private static Set<String> names(Path file) throws IOException {
		return Files.readAllLines(file)
			.stream()
			.map((line) -> line.replaceFirst("#.*", "").strip())
			.filter((line) -> !line.isEmpty())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static void promtoolAccepts(String scrape) throws Exception {
		Path promtool = Path.of("/usr/bin/promtool");
		RequiredTool.assumeInstalled(Files.isExecutable(promtool), "promtool (Debian package prometheus)");
		Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
		process.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		if (process.exitValue() != 0) {
			assertThat(process.exitValue())
				.as("exit 3 means lint problems only; anything else is a broken scrape: " + output)
				.isEqualTo(PROMTOOL_LINT_PROBLEMS);
			Set<String> offenders = output.lines()
				.map((line) -> line.split(" ", 2)[0])
				.filter((name) -> !name.isBlank())
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(MICROMETER_LINT_EXCEPTIONS).as(output).containsAll(offenders);
		}
	}

	private void produce(String videoId) {
		this.commands.sendAndWait(new MarkScriptReadyCommand(videoId, FILE, 3));
		this.commands.sendAndWait(new MarkVoiceOverReadyCommand(videoId, FILE, 60_000, List.of(60_000L)));
		this.commands.sendAndWait(new MarkImagesReadyCommand(videoId, List.of(FILE)));
		this.commands.sendAndWait(new StartRenderCommand(videoId, "cpu"));
		this.commands.sendAndWait(new MarkRenderedCommand(videoId, FILE, 60_000, 1280, 720));
		this.commands.sendAndWait(new MarkPublishedCommand(videoId, "yt-" + videoId.hashCode()));
	}

	private String createChannel(String name) {
		return idOf(post("/api/v1/channels", Map.of("name", name, "niche", "tech", "dailyVideoQuota", 5)));
	}

	private String scheduleVideo(String channelId) {
		return idOf(post("/api/v1/videos", Map.of("channelId", channelId, "title", "How metrics work", "topic",
				"monitoring", "publishAt", "2026-12-01T10:00:00Z", "targetLengthSeconds", 60)));
	}

	private void recordCost(String videoId, String costId, double dollars) {
		post("/api/v1/videos/" + videoId + "/costs",
				Map.of("costId", costId, "category", "SCRIPT", "amount", dollars, "provider", "openai"));
	}

	@SuppressWarnings("unchecked")
	private String idOf(Map<?, ?> body) {
		return (String) body.get("id");
	}

	private Map<?, ?> post(String path, Object body) {
		return client(SECRET).post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Scrape scrape() {
		String text = client(null).get()
			.uri("/api/metrics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new Scrape(text);
	}

	private WebTestClient client(String secret) {
		WebTestClient.Builder builder = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(60));
		if (secret != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
		}
		return builder.build();
	}

	/** The samples of one scrape in Prometheus' text format. */
	private record Scrape(String text) {

		// name{labels} value: label values may hold braces (route templates), so the
		// labels end at the last brace and the value follows the last space.
		List<Sample> samples() {
			List<Sample> samples = new ArrayList<>();
			for (String line : this.text.split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				int space = line.lastIndexOf(' ');
				int brace = line.indexOf('{');
				String name = line.substring(0, (brace >= 0) ? brace : space);
				String labels = (brace >= 0) ? line.substring(brace + 1, line.lastIndexOf('}')) : "";
				samples.add(new Sample(name, labels(labels), Double.parseDouble(line.substring(space + 1))));
			}
			return samples;
		}

		private static Map<String, String> labels(String labels) {
			if (labels == null || labels.isEmpty()) {
				return Map.of();
			}
			return Pattern.compile("(\\w+)=\"([^\"]*)\"")
				.matcher(labels)
				.results()
				.collect(Collectors.toMap((match) -> match.group(1), (match) -> match.group(2)));
		}

		Set<String> names() {
			return this.samples().stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
		}

		/** The sum of the samples of one name whose labels include these; 0 if none. */
		double value(String name, Map<String, String> labels) {
			return samples().stream()
				.filter((sample) -> sample.name().equals(name))
				.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
				.mapToDouble(Sample::value)
				.sum();
		}

		double sum(String name) {
			return value(name, Map.of());
		}

		Set<String> labelValues(String name, String label) {
			return samples().stream()
				.filter((sample) -> sample.name().equals(name) && sample.labels().containsKey(label))
				.map((sample) -> sample.labels().get(label))
				.collect(Collectors.toCollection(TreeSet::new));
		}

	}

	private record Sample(String name, Map<String, String> labels, double value) {

	}

}
