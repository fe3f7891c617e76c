package com.ytempire.app.benchmark;

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
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.ytempire.app.YtEmpireApplication;
import com.ytempire.app.benchmark.FixedRateLoad.Target;
import com.ytempire.projections.rebuild.ProjectionRebuilds;
import com.ytempire.projections.rebuild.RebuildStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The read side under a realistic store, on the embedded default (fsync and
 * synchronous_commit on): seeds a year of history straight into the event store, rebuilds
 * every projection from it, then measures dashboard query latency at a fixed request
 * rate, downsampling a series of a million points, and event-to-client latency of the
 * live feed with many subscribers. Every measurement runs twice. Run with
 * {@code mvn -B -Pbenchmark -pl app -am verify -DskipTests -Dbenchmark.class=ReadSideBenchmark}.
 */
public final class ReadSideBenchmark {

	private static final String KEY = "benchmark-key-0123456789abcdef";

	private static final String SERIES_CHANNEL = "series-benchmark";

	private static final int SERIES_POINTS = 1_000_000;

	private static final Instant SERIES_START = Instant.parse("2024-01-01T00:00:00Z");

	private final ConfigurableApplicationContext app;

	private final JdbcTemplate jdbc;

	private final String baseUrl;

	private final List<String> report = new ArrayList<>();

	private ReadSideBenchmark(ConfigurableApplicationContext app) {
		this.app = app;
		this.jdbc = app.getBean(JdbcTemplate.class);
		this.baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	public static void main(String[] args) throws Exception {
		long events = Long.getLong("benchmark.events", 1_000_000);
		int videos = Integer.getInteger("benchmark.videos", 100_000);
		int channels = Integer.getInteger("benchmark.channels", 100);
		Path dataDirectory = Files.createTempDirectory("ytempire-read-benchmark");
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ytempire.data-dir=" + dataDirectory,
				"--ytempire.security.api-keys=benchmark:admin:" + KEY, "--logging.level.root=WARN"));
		String extra = System.getProperty("benchmark.args", "").strip();
		if (!extra.isEmpty()) {
			arguments.addAll(List.of(extra.split("\\s+")));
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YtEmpireApplication.class)
			.run(arguments.toArray(String[]::new))) {
			ReadSideBenchmark benchmark = new ReadSideBenchmark(app);
			benchmark.note("PostgreSQL %s, fsync=%s, synchronous_commit=%s, %d cores",
					benchmark.jdbc.queryForObject("SHOW server_version", String.class),
					benchmark.jdbc.queryForObject("SHOW fsync", String.class),
					benchmark.jdbc.queryForObject("SHOW synchronous_commit", String.class),
					Runtime.getRuntime().availableProcessors());
			SyntheticHistory history = benchmark.seed(channels, videos, events);
			benchmark.rebuild();
			benchmark.rebuild();
			benchmark.catchUp();
			benchmark.queries(history);
			benchmark.downsampling();
			benchmark.feed(history);
			System.out.println();
			benchmark.report.forEach(System.out::println);
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
	}

	/**
	 * The live processors and the feed stop while the history goes in: a rebuild then
	 * replays it alone, as after a restore.
	 */
	private SyntheticHistory seed(int channels, int videos, long events) {
		streamingProcessors().forEach(StreamingEventProcessor::shutDown);
		feed().stop();
		SyntheticHistory history = new SyntheticHistory(channels, videos, events,
				Instant.now().truncatedTo(ChronoUnit.HOURS));
		EventStoreSeeder seeder = new EventStoreSeeder(this.app.getBean(DataSource.class),
				this.app.getBean("eventSerializer", Serializer.class));
		long start = System.nanoTime();
		long written = seeder.seed(history);
		double seconds = (System.nanoTime() - start) / 1e9;
		note("Seeded %,d events (%d channels, %,d videos, %,d cost items) in %.1f s: %,.0f events/s", written, channels,
				videos, history.costItems(), seconds, written / seconds);
		return history;
	}

	private void rebuild() {
		long start = System.nanoTime();
		RebuildStatus status = this.app.getBean(ProjectionRebuilds.class).rebuild(ProjectionRebuilds.ALL);
		double seconds = (System.nanoTime() - start) / 1e9;
		if (!status.state().equals("DONE")) {
			throw new IllegalStateException("Rebuild ended " + status.state() + ": " + status.error());
		}
		long rows = status.differences().stream().mapToLong(RebuildStatus.TableDifference::rebuiltRows).sum();
		note("Rebuilt all projections from %,d events: replay %,.0f events/s; %.1f s in all with comparison"
				+ " and swap (%,d rows; %s)", status.eventsDone(), status.eventsPerSecond(), seconds, rows,
				status.differences().stream().allMatch(RebuildStatus.TableDifference::same)
						? "identical to the live read models" : "the live read models differed");
	}

	/** Starts what was stopped and waits until every processor has reached the head. */
	private void catchUp() {
		long start = System.nanoTime();
		streamingProcessors().forEach(StreamingEventProcessor::start);
		feed().start();
		long head = this.jdbc.queryForObject("SELECT max(globalIndex) FROM DomainEventEntry", Long.class);
		while (!streamingProcessors().stream().allMatch((processor) -> reached(processor, head))) {
			if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(15)) {
				throw new IllegalStateException("The event processors did not reach the head in 15 minutes");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
		note("Other processors (metrics) caught up with the seeded store in %.1f s", (System.nanoTime() - start) / 1e9);
	}

	private void queries(SyntheticHistory history) throws Exception {
		int rate = Integer.getInteger("benchmark.rate", 500);
		Duration length = Duration.ofSeconds(Long.getLong("benchmark.seconds", 30));
		List<String> channels = history.channelIds();
		List<Target> targets = List.of(new Target("channels list", () -> "/api/v1/channels?sort=totalCost&limit=20"),
				new Target("channel detail", () -> "/api/v1/channels/" + any(channels)),
				new Target("channel's videos", () -> "/api/v1/channels/" + any(channels) + "/videos?limit=50"),
				new Target("cost analytics", () -> "/api/v1/costs?period=week&channelId=" + any(channels)),
				new Target("overview", () -> "/api/v1/overview"));
		FixedRateLoad load = new FixedRateLoad(this.baseUrl, KEY);
		load.run(targets, rate, Duration.ofSeconds(10));
		for (int round = 1; round <= 2; round++) {
			long failuresBefore = load.failures();
			Map<String, Latencies> latencies = load.run(targets, rate, length);
			note("%nQuery latency, round %d: %d requests/s for %d s, open model (from the intended send time);"
					+ " %d answers not 200", round, rate, length.toSeconds(), load.failures() - failuresBefore);
			note("| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms |");
			note("| --- | ---: | ---: | ---: | ---: | ---: |");
			latencies.forEach((name, measured) -> note("| %s | %d | %s |", name, measured.count(), measured.cells()));
		}
	}

	/** A series with a point in each of a million minutes, asked for as 2,000 points. */
	private void downsampling() throws Exception {
		this.jdbc.update("INSERT INTO rm_series_minute (channel_id, minute, videos_generated, failures, cost_micros)"
				+ " SELECT ?, m, (random() * 3)::int, (random() < 0.01)::int, (random() * 100000)::bigint"
				+ " FROM generate_series(CAST(? AS timestamptz), CAST(? AS timestamptz), interval '1 minute') m",
				SERIES_CHANNEL, SERIES_START.toString(),
				SERIES_START.plus(SERIES_POINTS - 1, ChronoUnit.MINUTES).toString());
		this.jdbc.execute("ANALYZE rm_series_minute");
		String path = "/api/v1/series/cost?channelId=" + SERIES_CHANNEL + "&from=" + SERIES_START + "&to="
				+ SERIES_START.plus(SERIES_POINTS, ChronoUnit.MINUTES) + "&maxPoints=2000";
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + KEY)
			.build();
		for (int i = 0; i < 5; i++) {
			http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		for (int round = 1; round <= 2; round++) {
			List<Long> nanos = new ArrayList<>();
			int points = 0;
			for (int i = 0; i < 30; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				nanos.add(System.nanoTime() - start);
				points = response.body().split("\"t\"", -1).length - 1;
			}
			Latencies latencies = new Latencies(nanos);
			note("Downsampling round %d: %,d minutes to %d points, 30 requests one after another:"
					+ " p50 %.1f ms, p95 %.1f ms, max %.1f ms", round, SERIES_POINTS, points, latencies.percentile(0.5),
					latencies.percentile(0.95), latencies.max());
		}
	}

	private void feed(SyntheticHistory history) {
		int subscribers = Integer.getInteger("benchmark.subscribers", 100);
		int commandsPerSecond = 20;
		Duration length = Duration.ofSeconds(20);
		note("%nLive feed: %d subscribers, %d costs/s recorded through the gateway on seeded videos for %d s",
				subscribers, commandsPerSecond, length.toSeconds());
		note("| round | commands | deliveries | expected | from commit p50 / p95 / p99 / max ms | from send p95 ms |");
		note("| --- | ---: | ---: | ---: | ---: | ---: |");
		for (int round = 1; round <= 2; round++) {
			FeedLatency.Result result = new FeedLatency(this.baseUrl, KEY, this.app.getBean(CommandGateway.class),
					history.openVideoIds())
				.run(subscribers, commandsPerSecond, length);
			note("| %d | %d | %d | %d | %s | %.2f |", round, result.commands(), result.fromAcknowledged().count(),
					result.expected(), result.fromAcknowledged().cells().replace(" | ", " / "),
					result.fromSent().percentile(0.95));
		}
	}

	private List<StreamingEventProcessor> streamingProcessors() {
		return this.app.getBean(EventProcessingConfiguration.class)
			.eventProcessors()
			.values()
			.stream()
			.filter(StreamingEventProcessor.class::isInstance)
			.map(StreamingEventProcessor.class::cast)
			.toList();
	}

	private static boolean reached(StreamingEventProcessor processor, long head) {
		Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
		return !segments.isEmpty() && segments.values().stream().allMatch((segment) -> {
			OptionalLong position = segment.getCurrentPosition();
			return position.isPresent() && position.getAsLong() >= head;
		});
	}

	private SmartLifecycle feed() {
		return this.app.getBean("eventFeed", SmartLifecycle.class);
	}

	private static String any(List<String> values) {
		return values.get(ThreadLocalRandom.current().nextInt(values.size()));
	}

	private void note(String format, Object... values) {
		String line = String.format(format, values);
		System.out.println(line);
		this.report.add(line);
	}

}
