package com.ytempire.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
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
import com.ytempire.projections.batch.Projection;
import com.ytempire.projections.rebuild.ProjectionRebuilds;
import com.ytempire.projections.rebuild.RebuildStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
			if (Boolean.getBoolean("benchmark.recovery")) {
				benchmark.rebuild();
				benchmark.catchUp();
				new RecoveryTimes(app, benchmark::note).measure(events);
				System.out.println();
				benchmark.report.forEach(System.out::println);
				return;
			}
			if (Boolean.getBoolean("benchmark.breakdown")) {
				benchmark.breakdown();
			}
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

	private void breakdown() {
		ReplayBreakdown breakdown = new ReplayBreakdown(this.app.getBean(EventStorageEngine.class), this.jdbc,
				new TransactionTemplate(this.app.getBean(PlatformTransactionManager.class)));
		note("%nReplay of the seeded store, one pass per row, chunks of 5,000 events");
		note("| pass | events | s | events/s |");
		note("| --- | ---: | ---: | ---: |");
		breakdown.measure(List.copyOf(this.app.getBeansOfType(Projection.class).values())).forEach(this::note);
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
		note("Processors running again at the head of the store after %.1f s", (System.nanoTime() - start) / 1e9);
	}

	/**
	 * Each rate in {@code benchmark.rates} in turn, the whole sweep twice, so the rate
	 * where latency turns shows as well as the figure at the aim's rate.
	 */
	private void queries(SyntheticHistory history) throws Exception {
		List<Integer> rates = List.of(System.getProperty("benchmark.rates", "100,250,500").split(","))
			.stream()
			.map((rate) -> Integer.valueOf(rate.strip()))
			.toList();
		Duration length = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
		List<String> channels = history.channelIds();
		List<Target> targets = List.of(new Target("channels list", () -> "/api/v1/channels?sort=totalCost&limit=20"),
				new Target("channel detail", () -> "/api/v1/channels/" + any(channels)),
				new Target("channel's videos", () -> "/api/v1/channels/" + any(channels) + "/videos?limit=50"),
				new Target("cost analytics", () -> "/api/v1/costs?period=week&channelId=" + any(channels)),
				new Target("overview", () -> "/api/v1/overview"));
		FixedRateLoad load = new FixedRateLoad(this.baseUrl, KEY);
		load.run(targets, rates.get(0), Duration.ofSeconds(10));
		note("%nQuery latency: open model, latency from the intended send time, %d s per row; the five"
				+ " endpoints in turn", length.toSeconds());
		note("| round | requests/s | endpoint | requests | p50 ms | p95 ms | p99 ms | max ms |");
		note("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
		for (int round = 1; round <= 2; round++) {
			for (int rate : rates) {
				long failuresBefore = load.failures();
				Map<String, Latencies> latencies = load.run(targets, rate, length);
				for (Map.Entry<String, Latencies> endpoint : latencies.entrySet()) {
					note("| %d | %d | %s | %d | %s |", round, rate, endpoint.getKey(), endpoint.getValue().count(),
							endpoint.getValue().cells());
				}
				if (load.failures() > failuresBefore) {
					note("(%d answers were not 200)", load.failures() - failuresBefore);
				}
			}
		}
	}

	/** A series with a point in each of a million minutes, asked for as 2,000 points. */
	private void downsampling() throws Exception {
		this.jdbc.update("INSERT INTO rm_series_minute (channel_id, minute, videos_generated, failures, cost_micros)"
				+ " SELECT ?, m, (random() * 3)::int, (random() < 0.01)::int, (random() * 100000)::bigint"
				+ " FROM generate_series(CAST(? AS timestamptz), CAST(? AS timestamptz), interval '1 minute') m",
				SERIES_CHANNEL, SERIES_START.toString(),
				SERIES_START.plus(SERIES_POINTS - 1, ChronoUnit.MINUTES).toString());
		// The hourly roll-ups, as the time-series projection keeps them.
		this.jdbc.update("INSERT INTO rm_series_hour SELECT channel_id,"
				+ " date_trunc('hour', minute AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*), min(minute),"
				+ " max(minute), min(videos_generated), max(videos_generated), min(failures), max(failures),"
				+ " min(cost_micros), max(cost_micros) FROM rm_series_minute WHERE channel_id = ? GROUP BY 1, 2",
				SERIES_CHANNEL);
		this.jdbc.execute("ANALYZE rm_series_minute");
		this.jdbc.execute("ANALYZE rm_series_hour");
		String path = "/api/v1/series/cost?channelId=" + SERIES_CHANNEL + "&from=" + SERIES_START + "&to="
				+ SERIES_START.plus(SERIES_POINTS, ChronoUnit.MINUTES) + "&maxPoints=2000";
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		String platformPath = "/api/v1/series/cost?from=" + now.minus(365, ChronoUnit.DAYS) + "&to=" + now
				+ "&maxPoints=2000";
		long platformMinutes = this.jdbc.queryForObject(
				"SELECT count(*) FROM rm_series_minute WHERE channel_id = '*' AND minute >= ?", Long.class,
				Timestamp.from(now.minus(365, ChronoUnit.DAYS)));
		note("%nDownsampling to at most 2,000 points, 30 requests one after another per row after 5 unmeasured");
		note("| round | series | minutes with a row | points answered | p50 ms | p95 ms | max ms |");
		note("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
		for (int round = 1; round <= 2; round++) {
			seriesRequests(round, "one channel, 1,000,000 consecutive minutes", SERIES_POINTS, path);
			seriesRequests(round, "platform (seeded year, projected)", platformMinutes, platformPath);
		}
	}

	private void seriesRequests(int round, String series, long minutes, String path) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + KEY)
			.build();
		for (int i = 0; i < 5; i++) {
			http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		List<Long> nanos = new ArrayList<>();
		int points = 0;
		for (int i = 0; i < 30; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			nanos.add(System.nanoTime() - start);
			points = response.body().split("\"t\"", -1).length - 1;
		}
		Latencies latencies = new Latencies(nanos);
		note("| %d | %s | %,d | %d | %.1f | %.1f | %.1f |", round, series, minutes, points, latencies.percentile(0.5),
				latencies.percentile(0.95), latencies.max());
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

	private void note(String line) {
		System.out.println(line);
		this.report.add(line);
	}

	private void note(String format, Object... values) {
		String line = String.format(format, values);
		System.out.println(line);
		this.report.add(line);
	}

}
