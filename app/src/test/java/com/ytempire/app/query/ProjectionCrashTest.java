package com.ytempire.app.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ytempire.app.Api;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application is killed with SIGKILL while its projections are still catching up with
 * thousands of events, and started again on the same data. The read models must then hold
 * every acknowledged write exactly once: each projection commits its rows and its token
 * in one transaction, so a batch cut off by the kill is rolled back and applied again
 * from the stored token, never half or twice.
 */
class ProjectionCrashTest {

	private static final String API_KEYS = "ops:admin:" + TestKeys.ADMIN + ",scheduler:operator:" + TestKeys.OPERATOR
			+ ",dashboard:viewer:" + TestKeys.VIEWER;

	private static final List<String> PROJECTIONS = List.of("channel-summary", "videos", "cost-analytics",
			"platform-overview", "time-series");

	/**
	 * One event per batch: the projections fall behind writers that commit concurrently.
	 */
	private static final Map<String, String> SLOW_PROJECTIONS = Map.of("YTEMPIRE_PROJECTION_BATCH_SIZE", "1");

	private static final int WRITERS = 6;

	/** Costs recorded while the projections are held back. */
	private static final int BACKLOG = 2_000;

	/** How far each projection must have moved on from where it was held back. */
	private static final long PROGRESS = 100;

	/** How far behind the head the slowest projection must be when the kill comes. */
	private static final long MIN_LAG = 200;

	private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void killedWhileProjectionsCatchUpTheRestartedApplicationAppliesEveryEventExactlyOnce() throws Exception {
		Path dataDirectory = Paths.get("target", "crash-data", UUID.randomUUID().toString()).toAbsolutePath();
		int databasePort = ApplicationProcess.freePort();
		ApplicationProcess application = null;
		try {
			application = ApplicationProcess.start(dataDirectory, databasePort, API_KEYS, SLOW_PROJECTIONS,
					"first-run.log");
			List<String> videos = videos(application.httpPort());
			List<Acknowledged> acknowledged = writeUntilProjectionsLagAndKill(application, videos);

			// What the killed run committed is final: the database survived it.
			Map<String, Long> tokensAtKill;
			long headAtKill;
			try (Connection database = ApplicationProcess.connect(databasePort)) {
				tokensAtKill = tokens(database);
				headAtKill = head(database);
			}
			assertThat(tokensAtKill.values()).as("projections behind the head %d when killed", headAtKill)
				.anySatisfy((token) -> assertThat(token).isLessThan(headAtKill));
			System.out.printf("Killed with %d costs acknowledged, the store's head at %d, the projections at %s%n",
					acknowledged.size(), headAtKill, tokensAtKill);

			application = ApplicationProcess.start(dataDirectory, databasePort, API_KEYS, Map.of(), "second-run.log");
			Api viewer = Api.at(application.httpPort(), TestKeys.VIEWER);
			try (Connection database = application.database()) {
				assertThat(head(database)).isEqualTo(headAtKill);
				CatchUp.await(viewer, headAtKill, Duration.ofMinutes(3));
				everyAcknowledgedCostIsStoredAtItsPosition(database, acknowledged);
				readModelsHoldEveryStoredCostOnce(database);
			}
			rebuildFindsNoDifference(Api.at(application.httpPort(), TestKeys.ADMIN));
			application.close();
			// Kept only when the test fails, for its logs and database.
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
		finally {
			if (application != null) {
				application.close();
			}
			ApplicationProcess.stopDatabaseLeftOn(dataDirectory);
		}
	}

	/** A few channels with videos whose cap no cost reaches. */
	private List<String> videos(int port) {
		Api operator = Api.at(port, TestKeys.OPERATOR);
		List<String> videos = new ArrayList<>();
		for (int c = 0; c < 3; c++) {
			String channel = operator
				.post("/api/v1/channels",
						Map.of("name", "Crash " + UUID.randomUUID(), "niche", "tech", "dailyVideoQuota", 100,
								"costCapPerVideo", 100))
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id")
				.toString();
			for (int v = 0; v < 4; v++) {
				videos.add(operator.scheduleVideo(channel, Instant.now().plus(Duration.ofDays(1)).toString()));
			}
		}
		return videos;
	}

	/**
	 * Concurrent writers record costs while the projections are held back, then the
	 * projections are let go and the application is killed once each has moved on but
	 * before they have caught up; the writers are still busy then, so the kill also cuts
	 * off commands in flight.
	 * <p>
	 * A share lock on the token table holds the projections back: each batch stores its
	 * token, so every projection waits at its next batch, inside its transaction, while
	 * commands (which never touch tokens) go on.
	 */
	private List<Acknowledged> writeUntilProjectionsLagAndKill(ApplicationProcess application, List<String> videos)
			throws Exception {
		ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		try (Connection database = application.database(); Connection holdBack = application.database()) {
			holdBack.setAutoCommit(false);
			try (Statement lock = holdBack.createStatement()) {
				lock.execute("LOCK TABLE TokenEntry IN SHARE MODE");
			}
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				writers.execute(() -> {
					for (int n = 0; writing.get(); n++) {
						String video = videos.get(ThreadLocalRandom.current().nextInt(videos.size()));
						String costId = "w" + writer + "-" + n;
						long micros = ThreadLocalRandom.current().nextLong(1, 10_000);
						Long position = recordCost(application.httpPort(), video, costId, micros);
						if (position == null) {
							return;
						}
						acknowledged.add(new Acknowledged(video, costId, micros, position));
					}
				});
			}
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> acknowledged.size() >= BACKLOG);
			Map<String, Long> held = tokens(database);
			holdBack.commit();
			await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
				Map<String, Long> tokens = tokens(database);
				long head = head(database);
				assertThat(tokens.values()).as("projections caught up with %d before the kill", head)
					.anySatisfy((token) -> assertThat(token).isLessThan(head));
				return PROJECTIONS.stream()
					.allMatch((name) -> tokens.getOrDefault(name, -1L) > held.getOrDefault(name, -1L) + PROGRESS)
						&& tokens.values().stream().anyMatch((token) -> token < head - MIN_LAG);
			});
			return new ArrayList<>(acknowledged);
		}
		finally {
			application.kill();
			writing.set(false);
			writers.shutdown();
			writers.awaitTermination(60, TimeUnit.SECONDS);
		}
	}

	/** The position the application acknowledged, or null once it stopped answering. */
	private Long recordCost(int port, String video, String costId, long micros) {
		String body = "{\"costId\":\"" + costId + "\",\"category\":\"RENDER\",\"amount\":"
				+ java.math.BigDecimal.valueOf(micros, 6).toPlainString() + ",\"provider\":\"test\",\"units\":1}";
		try {
			HttpResponse<String> response = this.http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/videos/" + video + "/costs"))
				.header("Authorization", "Bearer " + TestKeys.OPERATOR)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != HttpStatus.CREATED.value()) {
				throw new AssertionError("Recording a cost answered " + response.statusCode() + ": " + response.body());
			}
			Matcher position = POSITION.matcher(response.body());
			assertThat(position.find()).as(response.body()).isTrue();
			return Long.parseLong(position.group(1));
		}
		catch (IOException killed) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static void everyAcknowledgedCostIsStoredAtItsPosition(Connection database, List<Acknowledged> acknowledged)
			throws SQLException {
		Map<Long, String> storedAt = new HashMap<>();
		query(database, "SELECT globalIndex, aggregateIdentifier || '/' || (convert_from(payload, 'UTF8')::jsonb"
				+ " ->> 'costId') FROM DomainEventEntry WHERE payloadType = 'com.ytempire.api.video.CostRecordedEvent'",
				(rs) -> storedAt.put(rs.getLong(1), rs.getString(2)));
		assertThat(acknowledged).allSatisfy((cost) -> assertThat(storedAt.get(cost.position()))
			.as("the event at acknowledged position %d", cost.position())
			.isEqualTo(cost.videoId() + "/" + cost.costId()));
	}

	/**
	 * Sums from the events themselves against the read models: a batch applied twice or
	 * skipped shows in the additive totals.
	 */
	private static void readModelsHoldEveryStoredCostOnce(Connection database) throws SQLException {
		String costs = "SELECT aggregateIdentifier AS video_id, (convert_from(payload, 'UTF8')::jsonb ->> 'channelId')"
				+ " AS channel_id, (convert_from(payload, 'UTF8')::jsonb ->> 'amountMicros')::bigint AS micros"
				+ " FROM DomainEventEntry WHERE payloadType = 'com.ytempire.api.video.CostRecordedEvent'";
		assertThat(single(database, "SELECT count(*) FROM (" + costs + ") c")).isPositive();
		assertThat(single(database, "SELECT count(*) FROM ((SELECT video_id, count(*), sum(micros) FROM (" + costs
				+ ") c GROUP BY video_id) EXCEPT ALL (SELECT video_id, cost_items, total_cost_micros FROM rm_video"
				+ " WHERE cost_items > 0)) d"))
			.as("videos whose cost items or total differ from the events")
			.isZero();
		assertThat(single(database, "SELECT count(*) FROM ((SELECT channel_id, sum(micros) FROM (" + costs
				+ ") c GROUP BY channel_id)"
				+ " EXCEPT ALL (SELECT channel_id, sum(total_micros) FROM rm_cost_daily GROUP BY channel_id)) d"))
			.as("channels whose daily cost totals differ from the events")
			.isZero();
		assertThat(single(database, "SELECT count(*) FROM ((SELECT channel_id, sum(micros) FROM (" + costs
				+ ") c GROUP BY channel_id) EXCEPT ALL (SELECT channel_id, total_cost_micros FROM rm_channel)) d"))
			.as("channels whose summary cost differs from the events")
			.isZero();
		assertThat(
				single(database, "SELECT coalesce(sum(cost_micros), 0) FROM rm_series_minute WHERE channel_id = '*'"))
			.isEqualTo(single(database, "SELECT sum(micros) FROM (" + costs + ") c"))
			.isEqualTo(single(database, "SELECT coalesce(sum(cost_micros), 0) FROM rm_overview_day"));
		assertThat(single(database, "SELECT count(*) FROM rm_video_cost"))
			.isEqualTo(single(database, "SELECT count(*) FROM (" + costs + ") c"));
	}

	private static void rebuildFindsNoDifference(Api admin) {
		admin.client().post().uri("/api/v1/admin/projections/all/rebuild").exchange().expectStatus().isAccepted();
		Map<?, ?> done = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> admin.client()
				.get()
				.uri("/api/v1/admin/projections/rebuild")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody(),
					(status) -> !"REPLAYING".equals(status.get("state")) && !"SWAPPING".equals(status.get("state")));
		assertThat(done.get("state")).as(String.valueOf(done.get("error"))).isEqualTo("DONE");
		List<?> differences = (List<?>) done.get("differences");
		assertThat(differences.stream().map((difference) -> String.valueOf(((Map<?, ?>) difference).get("table"))))
			.containsAll(ReadModelTables.NAMES);
		assertThat(differences).allSatisfy((difference) -> {
			Map<?, ?> table = (Map<?, ?>) difference;
			assertThat(((Number) table.get("onlyLive")).longValue()).as("%s", table).isZero();
			assertThat(((Number) table.get("onlyRebuilt")).longValue()).as("%s", table).isZero();
		});
	}

	/** Each projection's token index, read from the token table. */
	private static Map<String, Long> tokens(Connection database) throws SQLException {
		Map<String, Long> tokens = new HashMap<>();
		query(database,
				"SELECT processorName, coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1)"
						+ " FROM TokenEntry WHERE token IS NOT NULL AND processorName IN ('"
						+ String.join("', '", PROJECTIONS) + "')",
				(rs) -> tokens.put(rs.getString(1), rs.getLong(2)));
		return tokens;
	}

	private static long head(Connection database) throws SQLException {
		return single(database, "SELECT coalesce(max(globalIndex), 0) FROM DomainEventEntry");
	}

	private static long single(Connection database, String sql) throws SQLException {
		try (Statement statement = database.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void query(Connection database, String sql, RowHandler handler) throws SQLException {
		try (Statement statement = database.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				handler.handle(rs);
			}
		}
	}

	private interface RowHandler {

		void handle(ResultSet rs) throws SQLException;

	}

	private record Acknowledged(String videoId, String costId, long micros, long position) {
	}

}
