package com.ytempire.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.ytempire.api.channel.ChannelSettings;
import com.ytempire.api.channel.CreateChannelCommand;
import com.ytempire.api.video.MarkImagesReadyCommand;
import com.ytempire.api.video.MarkScriptReadyCommand;
import com.ytempire.api.video.MarkVoiceOverReadyCommand;
import com.ytempire.api.video.MediaRef;
import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.YtEmpireApplication;
import com.ytempire.app.database.DatabaseEndpoint;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Backups of the running application's database, restored into new databases on the same
 * PostgreSQL through the {@code ytempire} command line.
 */
@IntegrationTest
class BackupRestoreTest {

	private static final int WRITERS = 4;

	private static final int INCREMENTALS_UNDER_LOAD = 8;

	private static final MediaRef MEDIA = new MediaRef("cd".repeat(32), "application/octet-stream", 10);

	@LocalServerPort
	int port;

	@Autowired
	CommandGateway gateway;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseEndpoint endpoint;

	@Autowired
	Environment environment;

	@Autowired
	PlatformTransactionManager transactions;

	@TempDir
	Path backups;

	private Databases databases;

	private Api operator;

	@BeforeEach
	void databases() {
		this.databases = new Databases(this.endpoint, this.environment, this.jdbc);
		this.operator = Api.at(this.port, TestKeys.OPERATOR);
	}

	@AfterEach
	void dropRestoredDatabases() {
		this.databases.dropCreated();
	}

	@Test
	void restoredBackupRebuildsTheSameReadModels() {
		write("Restored", 3);
		OperatorRun backup = OperatorRun.of(this.databases.source(), "backup", this.backups.toString());
		assertThat(backup.status()).as(backup.toString()).isZero();
		assertThat(backup.out()).contains("full backup");
		// Not a terminal: plain progress lines, no carriage returns in a log.
		assertThat(backup.err()).contains("backup: events ").doesNotContain("\r");

		String target = this.databases.create();
		OperatorRun restore = OperatorRun.of(this.databases.at(target), "restore", this.backups.toString());
		assertThat(restore.status()).as(restore.toString()).isZero();
		assertThat(restore.out()).contains("the projections replay all");
		JdbcTemplate restored = this.databases.jdbc(target);
		List<String> readModels = Databases.readModelTables(this.jdbc);
		assertThat(restored.queryForObject("SELECT count(*) FROM tokenentry", Long.class)).isZero();

		try (ConfigurableApplicationContext replayed = new SpringApplicationBuilder(YtEmpireApplication.class).run(
				"--server.port=0", "--ytempire.data-dir=target/it-data/" + UUID.randomUUID(),
				"--ytempire.database.url=" + this.databases.url(target),
				"--ytempire.database.username=" + this.databases.username(),
				"--ytempire.security.api-keys=drill:admin:" + TestKeys.ADMIN)) {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(Databases.checksums(restored, readModels))
					.isEqualTo(Databases.checksums(this.jdbc, readModels)));
		}
		assertThat(Databases.checksums(restored, Databases.KEPT))
			.isEqualTo(Databases.checksums(this.jdbc, Databases.KEPT));
	}

	@Test
	void anUploadsSessionAddressNeverGoesIntoABackup() throws IOException {
		String session = "https://upload.example/upload/youtube/v3/videos?upload_id=" + UUID.randomUUID();
		String interrupted = "video-" + UUID.randomUUID();
		String finished = "video-" + UUID.randomUUID();
		this.jdbc.update("INSERT INTO production_upload (video_id, session_uri, updated_at) VALUES (?, ?, now())",
				interrupted, session);
		this.jdbc.update("INSERT INTO production_upload (video_id, external_id, updated_at) VALUES (?, ?, now())",
				finished, "yt-kept-id");
		try {
			Path folder = this.backups.resolve("uploads");
			OperatorRun backup = OperatorRun.of(this.databases.source(), "backup", folder.toString());
			assertThat(backup.status()).as(backup.toString()).isZero();
			assertThat(BackupFiles.text(folder)).doesNotContain(session).contains("yt-kept-id");

			String target = this.databases.create();
			assertThat(OperatorRun.of(this.databases.at(target), "restore", folder.toString()).status()).isZero();
			JdbcTemplate restored = this.databases.jdbc(target);
			assertThat(restored.queryForList("SELECT session_uri, external_id FROM production_upload"
					+ " WHERE video_id IN (?, ?) ORDER BY external_id NULLS FIRST", interrupted, finished))
				.extracting((row) -> row.get("session_uri"), (row) -> row.get("external_id"))
				.containsExactly(tuple(null, null), tuple(null, "yt-kept-id"));
		}
		finally {
			this.jdbc.update("DELETE FROM production_upload WHERE video_id IN (?, ?)", interrupted, finished);
		}
	}

	@Test
	void fullAndIncrementalsRestoreLikeOneFullBackup() throws IOException {
		Path chain = this.backups.resolve("chain");
		write("Chained", 1);
		assertThat(OperatorRun.of(this.databases.source(), "backup", chain.toString()).status()).isZero();
		write("Chained", 2);
		OperatorRun first = OperatorRun.of(this.databases.source(), "backup", "--incremental", chain.toString());
		assertThat(first.status()).as(first.toString()).isZero();
		assertThat(first.out()).contains("incremental backup");
		write("Chained", 1);
		assertThat(OperatorRun.of(this.databases.source(), "backup", "--incremental", chain.toString()).status())
			.isZero();
		Path single = this.backups.resolve("single");
		assertThat(OperatorRun.of(this.databases.source(), "backup", single.toString()).status()).isZero();

		OperatorRun verified = OperatorRun.of(this.databases.source(), "verify-backup", chain.toString());
		assertThat(verified.status()).as(verified.toString()).isZero();
		assertThat(verified.out()).contains("and 2 incrementals");

		String fromChain = this.databases.create();
		OperatorRun restore = OperatorRun.of(this.databases.at(fromChain), "restore", chain.toString());
		assertThat(restore.status()).as(restore.toString()).isZero();
		String fromFull = this.databases.create();
		assertThat(OperatorRun.of(this.databases.at(fromFull), "restore", single.toString()).status()).isZero();

		Map<String, String> source = Databases.checksums(this.jdbc, Databases.KEPT);
		assertThat(Databases.checksums(this.databases.jdbc(fromChain), Databases.KEPT)).isEqualTo(source);
		assertThat(Databases.checksums(this.databases.jdbc(fromFull), Databases.KEPT)).isEqualTo(source);
		JdbcTemplate restored = this.databases.jdbc(fromChain);
		long head = restored.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
		assertThat(restored.queryForObject("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))",
				Long.class))
			.isGreaterThan(head);

		String older = this.databases.create();
		Path firstFull = BackupFiles.backups(chain).get(0);
		assertThat(OperatorRun.of(this.databases.at(older), "restore", firstFull.toString()).status()).isZero();
		OperatorRun unrelated = OperatorRun.of(this.databases.at(older), "backup", "--incremental", chain.toString());
		assertThat(unrelated.status()).as(unrelated.toString()).isEqualTo(1);
		assertThat(unrelated.err()).contains("come from another database; take a full backup");
		OperatorRun noStore = OperatorRun.of(this.databases.at(this.databases.create()), "backup",
				this.backups.resolve("empty").toString());
		assertThat(noStore.status()).isEqualTo(1);
		assertThat(noStore.err()).contains("this database has no event store");

		OperatorRun occupied = OperatorRun.of(this.databases.at(fromChain), "restore", single.toString());
		assertThat(occupied.status()).isEqualTo(1);
		assertThat(occupied.err()).contains("is not empty").contains("--force");
		OperatorRun replaced = OperatorRun.of(this.databases.at(fromChain), "restore", "--force", single.toString());
		assertThat(replaced.status()).as(replaced.toString()).isZero();
		assertThat(Databases.checksums(this.databases.jdbc(fromChain), Databases.KEPT)).isEqualTo(source);
	}

	@Test
	void damagedOrMissingPiecesAreReportedAndNeverRestored() throws IOException {
		write("Damaged", 1);
		assertThat(OperatorRun.of(this.databases.source(), "backup", this.backups.toString()).status()).isZero();
		write("Damaged", 1);
		assertThat(OperatorRun.of(this.databases.source(), "backup", "--incremental", this.backups.toString()).status())
			.isZero();
		write("Damaged", 1);
		assertThat(OperatorRun.of(this.databases.source(), "backup", "--incremental", this.backups.toString()).status())
			.isZero();
		List<Path> chain = BackupFiles.backups(this.backups);
		assertThat(chain).hasSize(3);

		Path events = chain.get(1).resolve("domainevententry.copy.gz");
		byte[] original = Files.readAllBytes(events);
		byte[] damaged = original.clone();
		damaged[damaged.length / 2] ^= 0x5a;
		Files.write(events, damaged);
		refused(chain.get(2), "domainevententry.copy.gz is damaged");
		Files.write(events, original);

		Path sagas = chain.get(2).resolve("sagaentry.copy.gz");
		Path moved = this.backups.resolve("sagaentry.copy.gz");
		Files.move(sagas, moved);
		refused(chain.get(2), "sagaentry.copy.gz is missing");
		Files.move(moved, sagas);

		Path manifest = chain.get(0).resolve("manifest.json");
		Path movedManifest = this.backups.resolve("manifest.json");
		Files.move(manifest, movedManifest);
		refused(chain.get(2), "has no manifest.json");
		Files.move(movedManifest, manifest);

		Path middle = chain.get(1);
		Path aside = this.backups.resolve(".aside");
		Files.move(middle, aside);
		refused(chain.get(2), "which is missing from");
		Files.move(aside, middle);

		Path newest = chain.get(2).resolve("manifest.json");
		String written = Files.readString(newest);
		String version = (String) BackupFiles.manifest(chain.get(2)).get("schemaVersion");
		Files.writeString(newest, written.replace("\"" + version + "\"", "\"99991231.1\""));
		OperatorRun newer = OperatorRun.of(this.databases.at(this.databases.create()), "restore",
				chain.get(2).toString());
		assertThat(newer.status()).isEqualTo(1);
		assertThat(newer.err()).contains("taken at schema version 99991231.1, which this release does not have");
		Files.writeString(newest, written);

		OperatorRun sound = OperatorRun.of(this.databases.source(), "verify-backup", this.backups.toString());
		assertThat(sound.status()).as(sound.toString()).isZero();
	}

	@Test
	void backupsTakenUnderConcurrentWritesMissNothingAndSplitNoTransaction() throws Exception {
		AtomicBoolean writing = new AtomicBoolean(true);
		Set<String> channels = ConcurrentHashMap.newKeySet();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			running.add(writers.submit(() -> {
				while (writing.get()) {
					String channelId = this.operator.createChannel("Load " + UUID.randomUUID(), 20);
					channels.add(channelId);
					this.operator.scheduleVideo(channelId, Instant.now().plusSeconds(86_400).toString());
				}
				return null;
			}));
		}
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> channels.size() >= 5);
			assertThat(OperatorRun.of(this.databases.source(), "backup", this.backups.toString()).status()).isZero();
			for (int i = 0; i < INCREMENTALS_UNDER_LOAD; i++) {
				int before = channels.size();
				await().atMost(Duration.ofSeconds(60)).until(() -> channels.size() >= before + 2);
				OperatorRun incremental = OperatorRun.of(this.databases.source(), "backup", "--incremental",
						this.backups.toString());
				assertThat(incremental.status()).as(incremental.toString()).isZero();
			}
		}
		finally {
			writing.set(false);
			for (Future<?> writer : running) {
				writer.get();
			}
			writers.shutdown();
		}
		assertThat(OperatorRun.of(this.databases.source(), "backup", "--incremental", this.backups.toString()).status())
			.isZero();

		List<Path> chain = BackupFiles.backups(this.backups);
		assertThat(chain).hasSize(INCREMENTALS_UNDER_LOAD + 2);
		List<Long> backedUp = new ArrayList<>();
		for (Path backup : chain) {
			backedUp.addAll(BackupFiles.positions(backup));
			long last = BackupFiles.lastPosition(backup);
			assertThat(backedUp).as("positions up to %d in %s and before", last, backup.getFileName())
				.containsExactlyElementsOf(this.jdbc.queryForList(
						"SELECT globalindex FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex",
						Long.class, last));
		}

		String target = this.databases.create();
		OperatorRun restore = OperatorRun.of(this.databases.at(target), "restore", chain.get(0).toString());
		assertThat(restore.status()).as(restore.toString()).isZero();
		JdbcTemplate restored = this.databases.jdbc(target);
		List<String> created = restored.queryForList("SELECT aggregateidentifier FROM domainevententry"
				+ " WHERE payloadtype = 'com.ytempire.api.channel.ChannelCreatedEvent'", String.class);
		List<String> claimed = restored.queryForList("SELECT channel_id FROM channel_name_claim", String.class);
		assertThat(claimed).containsExactlyInAnyOrderElementsOf(created);
		List<String> loaded = created.stream().filter(channels::contains).toList();
		assertThat(loaded).isNotEmpty().hasSizeLessThan(channels.size());
		for (String channelId : loaded) {
			long scheduled = restored.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype ="
					+ " 'com.ytempire.api.video.VideoScheduledEvent' AND convert_from(payload, 'UTF8')::json->>'channelId' = ?",
					Long.class, channelId);
			long slots = restored.queryForObject(
					"SELECT coalesce(sum(used), 0) FROM video_day_slot WHERE channel_id = ?", Long.class, channelId);
			assertThat(slots).as("quota slots of channel %s", channelId).isEqualTo(scheduled);
		}
	}

	@Test
	void aBackupWaitsForAnEventStillBeingWrittenBelowTheNewestPosition() throws Exception {
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		String slowChannel = UUID.randomUUID().toString();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transaction.executeWithoutResult((status) -> {
			this.gateway.sendAndWait(new CreateChannelCommand(slowChannel, "Slow " + slowChannel,
					new ChannelSettings("tech", null, 5, ChannelSettings.DEFAULT_COST_CAP_PER_VIDEO_MICROS, 0)));
			appended.countDown();
			await().atMost(Duration.ofSeconds(60)).until(() -> release.getCount() == 0);
		}));
		try {
			assertThat(appended.await(60, TimeUnit.SECONDS)).isTrue();
			this.operator.createChannel("Fast " + UUID.randomUUID(), 5);
			CompletableFuture<OperatorRun> backup = CompletableFuture
				.supplyAsync(() -> OperatorRun.of(this.databases.source(), "backup", this.backups.toString()));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> backup.isDone() || this.jdbc.queryForObject(
						"SELECT count(*) FROM pg_stat_activity"
								+ " WHERE application_name = 'ytempire-ops' AND wait_event_type = 'Lock'",
						Long.class) > 0);
			release.countDown();
			slow.get(60, TimeUnit.SECONDS);
			assertThat(backup.get(60, TimeUnit.SECONDS).status()).isZero();
		}
		finally {
			release.countDown();
		}
		long position = this.jdbc.queryForObject(
				"SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?", Long.class, slowChannel);
		Path taken = BackupFiles.backups(this.backups).get(0);
		assertThat(BackupFiles.lastPosition(taken)).isGreaterThan(position);
		assertThat(BackupFiles.positions(taken)).contains(position);
	}

	private void refused(Path backup, String problem) {
		OperatorRun verify = OperatorRun.of(this.databases.source(), "verify-backup", backup.toString());
		assertThat(verify.status()).as(verify.toString()).isEqualTo(1);
		assertThat(verify.err()).contains(problem);
		String target = this.databases.create();
		OperatorRun restore = OperatorRun.of(this.databases.at(target), "restore", backup.toString());
		assertThat(restore.status()).as(restore.toString()).isEqualTo(1);
		assertThat(restore.err()).contains(problem);
		assertThat(this.databases.jdbc(target)
			.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", Long.class))
			.isZero();
	}

	/** Channels, each with videos at several production stages and a recorded cost. */
	private void write(String prefix, int channels) {
		for (int c = 0; c < channels; c++) {
			String channelId = this.operator.createChannel(prefix + " " + UUID.randomUUID().toString().substring(0, 8),
					20);
			for (int v = 0; v < 3; v++) {
				String videoId = this.operator.scheduleVideo(channelId, Instant.now().plusSeconds(86_400).toString());
				this.operator
					.post("/api/v1/videos/" + videoId + "/costs",
							Map.of("costId", "c" + v, "category", "SCRIPT", "amount", "0.01", "provider", "test"))
					.expectStatus()
					.isCreated();
				if (v > 0) {
					this.gateway.sendAndWait(new MarkScriptReadyCommand(videoId, MEDIA, 3));
					this.gateway.sendAndWait(new MarkVoiceOverReadyCommand(videoId, MEDIA, 1000, List.of(1000L)));
				}
				if (v > 1) {
					this.gateway.sendAndWait(new MarkImagesReadyCommand(videoId, List.of(MEDIA)));
				}
			}
		}
	}

}
