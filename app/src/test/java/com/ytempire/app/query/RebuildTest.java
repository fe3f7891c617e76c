package com.ytempire.app.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.projections.rebuild.ProjectionRebuilds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class RebuildTest {

	private static final List<String> TABLES = List.of("rm_channel", "rm_channel_video", "rm_video", "rm_video_stage",
			"rm_video_cost", "rm_cost_daily", "rm_cost_video", "rm_overview_channel", "rm_overview_day",
			"rm_series_minute", "rm_series_hour");

	@LocalServerPort
	int port;

	@Autowired
	CommandGateway gateway;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Serializer serializer;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	ProjectionRebuilds rebuilds;

	@Test
	void rebuildsEveryProjectionWhileQueriesKeepAnsweringAndFindsNoDifference() throws Exception {
		ReadModelFixture fixture = new ReadModelFixture(Api.at(this.port, TestKeys.OPERATOR), this.gateway);
		String channelId = fixture.channel("Rebuilt");
		for (int i = 0; i < 5; i++) {
			String videoId = fixture.video(channelId);
			fixture.cost(videoId, "c" + i, "RENDER", "0.0" + (i + 1));
			if (i % 2 == 0) {
				fixture.produce(videoId, i == 0);
			}
		}
		long head = ReadModelFixture.head(this.jdbc);
		long stored = this.jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
		Api viewer = Api.at(this.port, TestKeys.VIEWER);
		viewer.client().get().uri("/api/v1/channels?minPosition={p}", head).exchange().expectStatus().isOk();
		Map<String, String> before = checksums();

		Api admin = Api.at(this.port, TestKeys.ADMIN);
		AtomicBoolean rebuilding = new AtomicBoolean(true);
		AtomicInteger answered = new AtomicInteger();
		CompletableFuture<Void> readers = CompletableFuture.runAsync(() -> {
			while (rebuilding.get()) {
				viewer.client()
					.get()
					.uri("/api/v1/channels/{id}/videos", channelId)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.items.length()")
					.isEqualTo(5);
				answered.incrementAndGet();
			}
		});
		admin.client()
			.post()
			.uri("/api/v1/admin/projections/all/rebuild")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.projections.length()")
			.isEqualTo(5);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "DONE".equals(progress(admin).get("state")) || "FAILED".equals(progress(admin).get("state")));
		rebuilding.set(false);
		readers.get();
		Map<String, Object> done = progress(admin);
		assertThat(done.get("state")).isEqualTo("DONE");
		assertThat(((Number) done.get("eventsDone")).longValue()).isGreaterThanOrEqualTo(stored);
		List<Map<String, Object>> differences = (List<Map<String, Object>>) done.get("differences");
		assertThat(differences).hasSize(TABLES.size());
		assertThat(differences).allSatisfy((difference) -> assertThat(difference.get("onlyLive")).isEqualTo(0));
		assertThat(answered.get()).isPositive();
		String metrics = viewer.client()
			.get()
			.uri("/api/metrics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("projection_rebuild_running 0.0")
			.contains("projection_rebuild_events_done " + (double) ((Number) done.get("eventsDone")).longValue())
			.contains("projection_rebuild_events_target " + (double) ((Number) done.get("eventsTotal")).longValue());
		Map<String, String> after = checksums();
		assertThat(after).isEqualTo(before);

		String videoId = fixture.video(channelId);
		long written = fixture.cost(videoId, "after", "VOICE", "0.02");
		viewer.client()
			.get()
			.uri("/api/v1/videos/{id}?minPosition={p}", videoId, written)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalCostMicros")
			.isEqualTo(20000);
		admin.client().post().uri("/api/v1/admin/projections/nope/rebuild").exchange().expectStatus().isNotFound();
		viewer.client().post().uri("/api/v1/admin/projections/all/rebuild").exchange().expectStatus().isForbidden();
	}

	/**
	 * Another process sharing the database held the claim on a projection during the
	 * rebuild and still remembers its old position: it must not store a token over the
	 * rebuilt one, or it would apply events to the new tables a second time.
	 */
	@Test
	void aProcessThatHeldAClaimDuringTheRebuildCannotStoreItsOldPositionAfterIt() {
		ReadModelFixture fixture = new ReadModelFixture(Api.at(this.port, TestKeys.OPERATOR), this.gateway);
		String videoId = fixture.video(fixture.channel("Claimed"));
		Api viewer = Api.at(this.port, TestKeys.VIEWER);
		viewer.client()
			.get()
			.uri("/api/v1/videos/{id}?minPosition={p}", videoId, fixture.cost(videoId, "before", "RENDER", "0.01"))
			.exchange()
			.expectStatus()
			.isOk();
		this.processing.eventProcessor("videos", StreamingEventProcessor.class).orElseThrow().shutDown();
		JdbcTokenStore otherProcess = JdbcTokenStore.builder()
			.connectionProvider(new SpringDataSourceConnectionProvider(this.dataSource))
			.serializer(this.serializer)
			.nodeId("another-process")
			.build();
		TrackingToken remembered = otherProcess.fetchToken("videos", 0);
		try {
			assertThat(this.rebuilds.rebuild("videos").state()).isEqualTo("DONE");

			assertThatExceptionOfType(UnableToClaimTokenException.class)
				.isThrownBy(() -> otherProcess.storeToken(remembered, "videos", 0));
		}
		finally {
			// Whatever happened, the other tests need the projection back.
			otherProcess.releaseClaim("videos", 0);
		}
		// This process took the projection over again and goes on from the rebuilt
		// position.
		viewer.client()
			.get()
			.uri("/api/v1/videos/{id}?minPosition={p}", videoId, fixture.cost(videoId, "after", "RENDER", "0.02"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalCostMicros")
			.isEqualTo(30000);
	}

	private Map<String, String> checksums() {
		Map<String, String> sums = new java.util.TreeMap<>();
		for (String table : TABLES) {
			sums.put(table, this.jdbc.queryForObject("SELECT coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM"
					+ " (SELECT md5(t::text) AS h FROM " + table + " t) rows", String.class));
		}
		return sums;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> progress(Api admin) {
		return admin.client()
			.get()
			.uri("/api/v1/admin/projections/rebuild")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
