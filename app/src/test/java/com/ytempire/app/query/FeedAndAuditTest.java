package com.ytempire.app.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class FeedAndAuditTest {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	CommandGateway gateway;

	@Autowired
	JdbcTemplate jdbc;

	private Api viewer;

	private ReadModelFixture fixture;

	@BeforeEach
	void setUp() {
		this.viewer = Api.at(this.port, TestKeys.VIEWER);
		this.fixture = new ReadModelFixture(Api.at(this.port, TestKeys.OPERATOR), this.gateway);
	}

	@Test
	void feedDeliversConcurrentWritesInPositionOrderAndResumesWithoutLoss() throws Exception {
		String channelId = this.fixture.channel("Feed");
		List<String> videos = IntStream.range(0, 4).mapToObj((i) -> this.fixture.video(channelId)).toList();
		long before = ReadModelFixture.head(this.jdbc);
		ExecutorService writers = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Void>> writes = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String videoId = videos.get(i % videos.size());
				String costId = "feed-" + i;
				writes.add(CompletableFuture.runAsync(() -> this.fixture.cost(videoId, costId, "IMAGES", "0.001"),
						writers));
			}
			CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
		}
		finally {
			writers.shutdown();
		}
		List<Long> stored = this.jdbc.queryForList(
				"SELECT globalIndex FROM DomainEventEntry WHERE globalIndex > ? AND payloadType LIKE '%CostRecordedEvent'"
						+ " AND aggregateIdentifier IN (?, ?, ?, ?) ORDER BY globalIndex",
				Long.class, before, videos.get(0), videos.get(1), videos.get(2), videos.get(3));
		assertThat(stored).hasSize(40);

		List<Long> first = ids(feed(channelId, Long.toString(before)), 15);
		List<Long> rest = ids(feed(channelId, Long.toString(first.get(first.size() - 1))), 25);
		List<Long> all = new ArrayList<>(first);
		all.addAll(rest);
		assertThat(all).isEqualTo(stored);
	}

	@Test
	void feedSendsLiveEventsAndHeartbeatsFilteredByChannel() {
		String channelId = this.fixture.channel("Live");
		String other = this.fixture.channel("Other");
		String videoId = this.fixture.video(channelId);
		String otherVideo = this.fixture.video(other);
		ConnectableFlux<ServerSentEvent<Map<String, Object>>> live = feed(channelId, null).replay();
		Disposable connection = live.connect();
		try {
			// The server registers the feed's subscriber before it sends the first
			// heartbeat: from that moment every stored event reaches this feed.
			live.filter((event) -> "heartbeat".equals(event.comment())).next().block(Duration.ofSeconds(20));
			this.fixture.cost(otherVideo, "x", "VOICE", "0.6");
			this.fixture.cost(videoId, "y", "VOICE", "0.6");
			// The video's scheduling may still reach the feed: only costs and alerts
			// count
			// here.
			List<ServerSentEvent<Map<String, Object>>> events = live
				.filter((event) -> event.data() != null && !"stage".equals(event.event()))
				.take(2)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(events).extracting(ServerSentEvent::event).containsExactly("cost", "alert");
			assertThat(events).allSatisfy((event) -> assertThat(event.data().get("channelId")).isEqualTo(channelId));
		}
		finally {
			connection.dispose();
		}
	}

	@Test
	void auditShowsWhoDidWhatAndTheStateAtAnInstant() {
		String channelId = this.fixture.channel("Audited");
		// An audit at the creation's own timestamp includes it; the pause is sent once
		// the
		// clock has passed that instant, so it is stored strictly after.
		Map<?, ?> created = this.viewer.client()
			.get()
			.uri("/api/v1/audit/{id}", channelId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Instant between = Instant
			.parse((String) ((Map<?, ?>) ((List<?>) created.get("events")).get(0)).get("timestamp"));
		await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(between));
		Api.at(this.port, TestKeys.OPERATOR)
			.post("/api/v1/channels/" + channelId + "/pause", Map.of("reason", "copyright strike"))
			.expectStatus()
			.isAccepted();
		this.viewer.client()
			.get()
			.uri("/api/v1/audit/{id}", channelId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.events.length()")
			.isEqualTo(2)
			.jsonPath("$.events[1].type")
			.isEqualTo("ChannelPausedEvent")
			.jsonPath("$.events[1].issuedBy")
			.isEqualTo("scheduler")
			.jsonPath("$.events[1].requestId")
			.isNotEmpty()
			.jsonPath("$.state.status")
			.isEqualTo("PAUSED");
		this.viewer.client()
			.get()
			.uri("/api/v1/audit/{id}?at={at}", channelId, between.toString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.eventCount")
			.isEqualTo(1)
			.jsonPath("$.state.status")
			.isEqualTo("ACTIVE");
		this.viewer.client().get().uri("/api/v1/audit/unknown-id").exchange().expectStatus().isNotFound();
		this.viewer.client()
			.get()
			.uri("/api/v1/audit/{id}?at=noon", channelId)
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.viewer.client()
			.get()
			.uri("/api/v1/feed")
			.header("Last-Event-ID", "abc")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void auditRebuildsAVideoFromItsEvents() {
		String channelId = this.fixture.channel("AuditVideo");
		String videoId = this.fixture.video(channelId);
		this.fixture.cost(videoId, "a", "SCRIPT", "0.01");
		this.fixture.produce(videoId, false);
		this.viewer.client()
			.get()
			.uri("/api/v1/audit/{id}", videoId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state.stage")
			.isEqualTo("RENDERED")
			.jsonPath("$.state.totalCostMicros")
			.isEqualTo(10000)
			.jsonPath("$.state.costs.length()")
			.isEqualTo(1);
	}

	private Flux<ServerSentEvent<Map<String, Object>>> feed(String channelId, String lastEventId) {
		return this.viewer.client()
			.get()
			.uri("/api/v1/feed?channelId={c}", channelId)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (lastEventId != null) {
					headers.set("Last-Event-ID", lastEventId);
				}
			})
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody();
	}

	private static List<Long> ids(Flux<ServerSentEvent<Map<String, Object>>> events, int count) {
		return events.filter((event) -> event.id() != null)
			.take(count)
			.map((event) -> Long.parseLong(event.id()))
			.collectList()
			.block(Duration.ofSeconds(30));
	}

}
