package com.ytempire.app.backup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.YtEmpireApplication;
import com.ytempire.app.database.DatabaseEndpoint;
import com.ytempire.app.render.ProductionSwitch;
import com.ytempire.ops.ServiceStarter;
import com.ytempire.render.work.ProductionWorkers;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backups taken while videos are in production: a drill over one produces nothing and
 * calls no provider, and a restore of one finishes every video.
 * <p>
 * Each backup holds a video whose current step has finished while the production saga was
 * stopped (its result is an event the saga has not handled yet) and a video scheduled in
 * that time, which the saga has not started at all.
 */
@IntegrationTest
class ProductionBackupTest {

	private static final String SAGA_PROCESSOR = "ProductionSagaProcessor";

	private static final int SECONDS = 5;

	private static final Duration STEP_LIMIT = Duration.ofMinutes(2);

	/** Every paid provider of the drill's inherited environment answers here. */
	private static final List<String> PROVIDER_REQUESTS = new CopyOnWriteArrayList<>();

	private static final HttpServer PROVIDERS = providers();

	private static Path output;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseEndpoint endpoint;

	@Autowired
	Environment environment;

	@Autowired
	EventProcessingConfiguration processing;

	@TempDir
	Path backups;

	private Databases databases;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		output = ProductionSwitch.on(registry);
	}

	@AfterAll
	static void stopProviders() {
		PROVIDERS.stop(0);
	}

	@BeforeEach
	void setUp() {
		this.databases = new Databases(this.endpoint, this.environment, this.jdbc);
		PROVIDER_REQUESTS.clear();
	}

	@AfterEach
	void tearDown() {
		// The live node goes on producing its videos; the restored copies are gone.
		EventProcessor saga = sagaProcessor();
		if (!saga.isRunning()) {
			saga.start();
		}
		this.databases.dropCreated();
	}

	@Test
	void aDrillOverABackupWithVideosInProductionCallsNoProviderAndProducesNothing() throws IOException {
		backUpMidProduction();
		long lastPosition = BackupFiles.lastPosition(BackupFiles.backups(this.backups).get(0));
		AtomicReference<String> replicaProduced = new AtomicReference<>();
		ServiceStarter withPaidProviders = (args) -> {
			ConfigurableApplicationContext replica = new SpringApplicationBuilder(YtEmpireApplication.class)
				.initializers((context) -> inheritPaidProviders(context.getEnvironment().getPropertySources()))
				.run(args);
			return () -> {
				replicaProduced.set(productionLineOf(replica));
				replica.close();
			};
		};

		OperatorRun drill = OperatorRun.of(withPaidProviders, this.databases.source(), "drill", "--keep-scratch",
				this.backups.toString());

		String scratch = scratchDatabase(drill);
		try {
			assertThat(PROVIDER_REQUESTS).as("requests to the providers during the drill").isEmpty();
			assertThat(replicaProduced.get()).as("the drill's production line").isEmpty();
			assertThat(drill.status()).as(drill.toString()).isZero();
			// The live node may have gone on producing since (another test's videos):
			// the drill passes on a replay that reached the backup's last position.
			assertThat(drill.out()).contains("rm_video:", "drill passed");
			JdbcTemplate restored = this.databases.jdbc(scratch);
			assertThat(restored.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class))
				.as("events the drill's instance appended")
				.isEqualTo(lastPosition);
		}
		finally {
			this.jdbc.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
		}
	}

	@Test
	void aBackupTakenMidProductionRestoredIntoAFreshDatabaseFinishesEveryVideo() {
		InProduction videos = backUpMidProduction();
		String target = this.databases.create();
		OperatorRun restore = OperatorRun.of(this.databases.at(target), "restore", this.backups.toString());
		assertThat(restore.status()).as(restore.toString()).isZero();
		JdbcTemplate restored = this.databases.jdbc(target);
		assertThat(restored.queryForList("SELECT processorname FROM tokenentry WHERE owner IS NULL", String.class))
			.containsExactly(SAGA_PROCESSOR);

		try (ConfigurableApplicationContext resumed = new SpringApplicationBuilder(YtEmpireApplication.class).run(
				"--server.port=0", "--ytempire.data-dir=target/it-data/" + UUID.randomUUID(),
				"--ytempire.database.url=" + this.databases.url(target),
				"--ytempire.database.username=" + this.databases.username(),
				"--ytempire.security.api-keys=" + TestKeys.CONFIGURATION, "--ytempire.render.enabled=true",
				// The media of the steps already done, as on the host whose database
				// was lost.
				"--ytempire.render.media-dir=" + output.resolve("media"),
				"--ytempire.render.outbox-dir=" + output.resolve("restored-outbox"),
				"--ytempire.render.disk-reserve=1MB", "--ytempire.render.attempts.retry-delay=1s")) {
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(List.of(events(restored, videos.started(), "VideoPublishedEvent"),
						events(restored, videos.unstarted(), "VideoPublishedEvent")))
					.as("publications of the video in production and of the one not started")
					.containsExactly(1L, 1L));
		}
		// What was made before the backup is kept, not made again.
		assertThat(stepsStarted(restored, videos.started(), "SCRIPT")).isEqualTo(1);
		assertThat(events(restored, videos.started(), "VideoFailedEvent")).isZero();
	}

	private record InProduction(String started, String unstarted) {
	}

	/**
	 * Starts a video, stops the saga once its voice step is asked for, lets that step
	 * finish and schedules a second video, then takes a full backup.
	 */
	private InProduction backUpMidProduction() {
		EventProcessor saga = sagaProcessor();
		if (!saga.isRunning()) {
			saga.start();
		}
		Api operator = Api.at(this.port, TestKeys.OPERATOR);
		String channel = operator.createChannel("Backed up " + UUID.randomUUID(), 20);
		String started = operator.scheduleVideo(channel, Instant.now().plus(Duration.ofDays(1)).toString(), SECONDS);
		await().atMost(STEP_LIMIT).until(() -> stepsStarted(this.jdbc, started, "VOICE") > 0);
		saga.shutDown();
		await().atMost(STEP_LIMIT)
			.until(() -> this.jdbc.queryForObject(
					"SELECT count(*) FROM production_work WHERE video_id = ? AND state IN ('QUEUED', 'RUNNING')",
					Long.class, started) == 0);
		String unstarted = operator.scheduleVideo(channel, Instant.now().plus(Duration.ofDays(1)).toString(), SECONDS);
		OperatorRun backup = OperatorRun.of(this.databases.source(), "backup", this.backups.toString());
		assertThat(backup.status()).as(backup.toString()).isZero();
		assertThat(stepsStarted(this.jdbc, unstarted, "SCRIPT")).as("the saga was stopped").isZero();
		return new InProduction(started, unstarted);
	}

	private EventProcessor sagaProcessor() {
		return this.processing.eventProcessor(SAGA_PROCESSOR)
			.orElseThrow(() -> new AssertionError("this test's application produces videos"));
	}

	/**
	 * An environment a production host might have: production on and every paid provider
	 * chosen, with keys. It ranks as the real environment does, below the command line.
	 */
	private static void inheritPaidProviders(MutablePropertySources sources) {
		String url = "http://127.0.0.1:" + PROVIDERS.getAddress().getPort();
		Map<String, Object> environment = new HashMap<>();
		environment.put("YTEMPIRE_RENDER_ENABLED", "true");
		environment.put("YTEMPIRE_MEDIA_DISK_RESERVE", "1MB");
		environment.put("YTEMPIRE_SCRIPT_PROVIDER", "openai");
		environment.put("YTEMPIRE_VOICE_PROVIDER", "elevenlabs");
		environment.put("YTEMPIRE_IMAGE_PROVIDER", "stable-diffusion");
		environment.put("YTEMPIRE_PUBLISHER", "youtube");
		for (String base : List.of("OPENAI_BASE_URL", "ELEVENLABS_BASE_URL", "SD_BASE_URL", "YOUTUBE_API_BASE_URL",
				"YOUTUBE_OAUTH_BASE_URL")) {
			environment.put(base, url);
		}
		for (String key : List.of("OPENAI_API_KEY", "ELEVENLABS_API_KEY", "SD_API_AUTH", "YOUTUBE_CLIENT_ID",
				"YOUTUBE_CLIENT_SECRET", "YOUTUBE_REFRESH_TOKEN")) {
			environment.put(key, "live-" + key.toLowerCase());
		}
		environment.put("SD_API_AUTH", "live:sd-password");
		SystemEnvironmentPropertySource inherited = new SystemEnvironmentPropertySource("inheritedEnvironment",
				environment);
		if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, inherited);
		}
		else {
			sources.addFirst(inherited);
		}
	}

	/** What of a production line the instance ran, empty when none. */
	private static String productionLineOf(ConfigurableApplicationContext replica) {
		StringBuilder found = new StringBuilder();
		if (replica.getBeanNamesForType(ProductionWorkers.class).length > 0) {
			found.append("workers ");
		}
		if (replica.getBean(EventProcessingConfiguration.class).eventProcessor(SAGA_PROCESSOR).isPresent()) {
			found.append("saga");
		}
		return found.toString().trim();
	}

	private static String scratchDatabase(OperatorRun drill) {
		Matcher name = Pattern.compile("into database (ytempire_drill_\\w+)").matcher(drill.err());
		assertThat(name.find()).as(drill.toString()).isTrue();
		return name.group(1);
	}

	private static long events(JdbcTemplate jdbc, String video, String type) {
		return jdbc.queryForObject(
				"SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?", Long.class,
				video, "com.ytempire.api.video." + type);
	}

	private static long stepsStarted(JdbcTemplate jdbc, String video, String step) {
		return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
				+ " AND payloadtype = 'com.ytempire.api.video.ProductionStepStartedEvent'"
				+ " AND convert_from(payload, 'UTF8')::json->>'step' = ?", Long.class, video, step);
	}

	private static HttpServer providers() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				PROVIDER_REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start the local provider server", ex);
		}
	}

}
