package com.ytempire.app.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ytempire.app.YtEmpireApplication;
import com.ytempire.app.console.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The console's budgets, measured in Debian's headless Chromium against the whole
 * application on the embedded default: initial render and data refresh with 100 channels,
 * zoom and pan over a chart of a million points (downsampled by the server), the page's
 * JavaScript heap, and the bytes its assets take over the wire. Run with
 * {@code mvn -B -Pbenchmark -pl app -am verify -DskipTests -Dbenchmark.class=ConsoleBenchmark}.
 */
public final class ConsoleBenchmark {

	private static final String KEY = "benchmark-key-0123456789abcdef";

	private static final int SERIES_POINTS = 1_000_000;

	private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 10);

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final String baseUrl;

	private final JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> report = new ArrayList<>();

	private ConsoleBenchmark(ConfigurableApplicationContext app) {
		this.baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
		this.jdbc = app.getBean(JdbcTemplate.class);
	}

	public static void main(String[] args) throws Exception {
		int channels = Integer.getInteger("benchmark.channels", 100);
		Path dataDirectory = Files.createTempDirectory("ytempire-console-benchmark");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YtEmpireApplication.class).run(
				"--server.port=0", "--ytempire.data-dir=" + dataDirectory,
				"--ytempire.security.api-keys=benchmark:admin:" + KEY, "--logging.level.root=WARN")) {
			ConsoleBenchmark benchmark = new ConsoleBenchmark(app);
			String seriesChannel = benchmark.seed(channels);
			try (Browser browser = Browser.start()) {
				benchmark.note("Chromium %s (headless), %d cores, load average (1 min) %.2f, %d channels, %d rounds",
						browser.driver().getCapabilities().getBrowserVersion(),
						Runtime.getRuntime().availableProcessors(),
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), channels, ROUNDS);
				benchmark.measure(browser, seriesChannel);
				// The machine is shared: its load says how far to trust the figures.
				benchmark.note("Load average (1 min) at the end: %.2f",
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			}
			System.out.println();
			benchmark.report.forEach(System.out::println);
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
	}

	/**
	 * Channels with a video and a cost each through the command API, and a million
	 * minutes of cost series for the first one, written as the time-series projection
	 * keeps them (minutes and hourly roll-ups) and ending now.
	 */
	private String seed(int channels) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < channels; i++) {
			String channel = id(post("/api/v1/channels",
					"{\"name\":\"Benchmark channel %03d\",\"niche\":\"niche-%d\",\"dailyVideoQuota\":5}".formatted(i,
							i % 7)));
			String video = id(post("/api/v1/videos",
					("{\"channelId\":\"%s\",\"title\":\"Video %d\",\"topic\":\"t\","
							+ "\"publishAt\":\"%s\",\"targetLengthSeconds\":60}")
						.formatted(channel, i, Instant.now().plus(2, ChronoUnit.DAYS))));
			post("/api/v1/videos/" + video + "/costs",
					"{\"costId\":\"c-%d\",\"category\":\"SCRIPT\",\"amount\":0.%02d,\"provider\":\"p\",\"units\":1}"
						.formatted(i, 10 + i % 40));
			ids.add(channel);
		}
		Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		Instant start = end.minus(SERIES_POINTS - 1, ChronoUnit.MINUTES);
		this.jdbc.update("INSERT INTO rm_series_minute (channel_id, minute, videos_generated, failures, cost_micros)"
				+ " SELECT ?, m, (random() * 3)::int, (random() < 0.01)::int, (random() * 100000)::bigint"
				+ " FROM generate_series(CAST(? AS timestamptz), CAST(? AS timestamptz), interval '1 minute') m"
				+ " ON CONFLICT DO NOTHING", ids.get(0), start.toString(), end.toString());
		this.jdbc.update("DELETE FROM rm_series_hour WHERE channel_id = ?", ids.get(0));
		this.jdbc.update("INSERT INTO rm_series_hour SELECT channel_id,"
				+ " date_trunc('hour', minute AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*), min(minute),"
				+ " max(minute), min(videos_generated), max(videos_generated), min(failures), max(failures),"
				+ " min(cost_micros), max(cost_micros) FROM rm_series_minute WHERE channel_id = ? GROUP BY 1, 2",
				ids.get(0));
		this.jdbc.execute("ANALYZE rm_series_minute");
		this.jdbc.execute("ANALYZE rm_series_hour");
		// The read side has caught up when every channel is listed with its cost.
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (this.jdbc.queryForObject("SELECT count(*) FROM rm_channel WHERE total_cost_micros > 0",
				Long.class) < channels) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The read side did not catch up in 2 minutes");
			}
			Thread.sleep(100);
		}
		note("Seeded %d channels (a video and a cost each) and %,d minutes of one channel's cost series", channels,
				SERIES_POINTS);
		return ids.get(0);
	}

	private void measure(Browser browser, String seriesChannel) throws Exception {
		// Cold: a fresh profile, nothing cached. The key goes into the tab's storage from
		// a
		// page of the same origin that loads none of the console's files.
		browser.driver().get(this.baseUrl + "/health");
		browser.script("sessionStorage.setItem('ytempire.apiKey', arguments[0])", KEY);
		List<Double> initial = new ArrayList<>();
		List<Double> channelsInitial = new ArrayList<>();
		long transferred = 0;
		long decoded = 0;
		for (int round = 0; round < ROUNDS; round++) {
			initial.add(load(browser, "/#/overview", "overview"));
			if (round == 0) {
				// Every static asset of the first load, as transferred (before any
				// cache).
				transferred = ((Number) browser.script("return [performance.getEntriesByType('navigation')[0],"
						+ " ...performance.getEntriesByType('resource')].filter((e) => !e.name.includes('/api/'))"
						+ ".reduce((sum, e) => sum + e.transferSize, 0)"))
					.longValue();
				decoded = ((Number) browser.script("return [performance.getEntriesByType('navigation')[0],"
						+ " ...performance.getEntriesByType('resource')].filter((e) => !e.name.includes('/api/'))"
						+ ".reduce((sum, e) => sum + e.decodedBodySize, 0)"))
					.longValue();
			}
			channelsInitial.add(load(browser, "/#/channels", "channels"));
		}
		note("%nConsole budgets (Chromium, headless; ms unless stated)");
		note("| measure | budget | rounds | first | p50 | max |");
		note("| --- | ---: | ---: | ---: | ---: | ---: |");
		row("initial render, overview (navigation start to figures, health and 3 charts drawn)", "500", initial);
		row("initial render, channels page with all channels listed", "500", channelsInitial);

		List<Double> refresh = new ArrayList<>();
		String channel = seriesChannel;
		for (int round = 0; round < ROUNDS; round++) {
			int before = count(browser, "data-refresh");
			post("/api/v1/videos",
					("{\"channelId\":\"%s\",\"title\":\"Refresh %d\",\"topic\":\"t\",\"publishAt\":\"%s\","
							+ "\"targetLengthSeconds\":60}")
						.formatted(channel, round, Instant.now().plus(3 + round, ChronoUnit.DAYS)));
			browser.waiting(Duration.ofSeconds(30)).until((driver) -> count(browser, "data-refresh") > before);
			refresh.add(last(browser, "data-refresh"));
		}
		row("data refresh, channels page (event received to table redrawn, 250 ms coalescing included)", "1000",
				refresh);

		Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
		Instant start = end.minus(SERIES_POINTS, ChronoUnit.MINUTES);
		load(browser, "/?from=" + start + "&to=" + end + "#/channels/" + channel, "channel");
		List<Double> feedback = new ArrayList<>();
		List<Double> interaction = new ArrayList<>();
		// A cycle that comes back where it started, so every round shows the seeded
		// points.
		String[] buttons = { "Zoom in", "◀ Earlier", "Later ▶", "Zoom out" };
		for (int round = 0; round < ROUNDS * 4; round++) {
			int before = count(browser, "chart-interaction");
			browser.driver()
				.findElement(By.xpath("(//figure[.//h3[text()='Cost per minute']]//button[text()='"
						+ buttons[round % buttons.length] + "'])[1]"))
				.click();
			browser.waiting(Duration.ofSeconds(30)).until((driver) -> count(browser, "chart-interaction") > before);
			interaction.add(last(browser, "chart-interaction"));
			feedback.add(last(browser, "chart-feedback"));
		}
		row("1M-point chart: zoom or pan, axes moved over the points held", "100", feedback);
		row("1M-point chart: zoom or pan, new range fetched (server-side downsampling) and drawn", "100", interaction);
		String points = browser.driver()
			.findElement(By.xpath("//figure[.//h3[text()='Cost per minute']]//span[@role='status']"))
			.getText();
		note("(the chart held %s after the last interaction)", points);

		long heap = ((Number) browser.script("return performance.memory.usedJSHeapSize")).longValue();
		long heapTotal = ((Number) browser.script("return performance.memory.totalJSHeapSize")).longValue();
		note("| JS heap after all of the above, used (total), MB | 200 | 1 | %.1f (%.1f) | | |", heap / 1e6,
				heapTotal / 1e6);
		note("| static assets of the cold load, transferred (decoded), KB | 1000 | 1 | %.1f (%.1f) | | |",
				transferred / 1e3, decoded / 1e3);
	}

	/**
	 * Navigates and answers the time from navigation start until the page said it was
	 * ready.
	 */
	private double load(Browser browser, String path, String page) {
		// A blank page first: a URL that differs only by its hash would not load the page
		// again.
		browser.driver().get("about:blank");
		browser.driver().get(this.baseUrl + path);
		browser.waiting(Duration.ofSeconds(30))
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("[data-page='" + page + "'][data-ready='true']")));
		return ((Number) browser.script(
				"const m = performance.getEntriesByName('page-render').at(-1);" + " return m.startTime + m.duration;"))
			.doubleValue();
	}

	private static int count(Browser browser, String measure) {
		return ((Number) browser.script("return performance.getEntriesByName(arguments[0]).length", measure))
			.intValue();
	}

	private static double last(Browser browser, String measure) {
		return ((Number) browser.script("return performance.getEntriesByName(arguments[0]).at(-1).duration", measure))
			.doubleValue();
	}

	private void row(String measure, String budget, List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		note("| %s | %s | %d | %.1f | %.1f | %.1f |", measure, budget, sorted.size(), values.get(0),
				sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
	}

	private String post(String path, String body) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String id(String body) {
		Matcher matcher = ID.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No id in " + body);
		}
		return matcher.group(1);
	}

	private void note(String format, Object... arguments) {
		String line = String.format(format, arguments);
		System.out.println(line);
		this.report.add(line);
	}

}
