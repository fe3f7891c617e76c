package com.ytempire.app;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.ytempire.api.channel.ChannelSettings;
import com.ytempire.api.channel.CreateChannelCommand;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CommandApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionManager axonTransactionManager;

	@Autowired
	CommandGateway gateway;

	@Autowired
	CommandBus commandBus;

	private Api operator;

	@BeforeEach
	void setUp() {
		this.operator = Api.at(this.port, TestKeys.OPERATOR);
	}

	@Autowired
	TokenStore tokenStore;

	@Autowired
	SagaStore<?> sagaStore;

	@Test
	void axonRunsInsideSpringTransactions() {
		assertThat(this.axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
	}

	/**
	 * A handler, or an interceptor around it, that fails with a checked exception after
	 * it wrote to the database: Axon's default would commit what was written and drop the
	 * events. Nothing may commit.
	 */
	@Test
	void aCommandThatFailsWithACheckedExceptionCommitsNothing() {
		String channelId = UUID.randomUUID().toString();
		String name = uniqueName("Checked");
		Registration failing = this.commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
			Object result = chain.proceed();
			if (unitOfWork.getMessage().getPayload() instanceof CreateChannelCommand created
					&& created.channelId().equals(channelId)) {
				throw new Exception("a checked failure after the handler ran");
			}
			return result;
		});
		try {
			assertThatThrownBy(() -> this.gateway.sendAndWait(new CreateChannelCommand(channelId, name,
					new ChannelSettings("tech", null, 1, ChannelSettings.DEFAULT_COST_CAP_PER_VIDEO_MICROS, 0))))
				.hasRootCauseMessage("a checked failure after the handler ran");
		}
		finally {
			failing.cancel();
		}

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
				Long.class, channelId))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM channel_name_claim WHERE channel_id = ?", Long.class,
				channelId))
			.isZero();
		this.operator.createChannel(name, 1);
	}

	@Test
	void aNameIsClaimedOnlyTogetherWithItsStoredEvent() {
		String name = uniqueName("Unstorable");
		this.jdbc.execute("""
				CREATE FUNCTION refuse_unstorable() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF convert_from(NEW.payload, 'UTF8') LIKE '%%%s%%' THEN
				    RAISE EXCEPTION 'refused by test';
				  END IF;
				  RETURN NEW;
				END $$""".formatted(name));
		this.jdbc.execute("CREATE TRIGGER refuse_unstorable BEFORE INSERT ON domainevententry"
				+ " FOR EACH ROW EXECUTE FUNCTION refuse_unstorable()");
		try {
			int status = this.operator
				.post("/api/v1/channels", Map.of("name", name, "niche", "x", "dailyVideoQuota", 1))
				.returnResult(Void.class)
				.getStatus()
				.value();
			assertThat(status).isGreaterThanOrEqualTo(500);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER refuse_unstorable ON domainevententry");
			this.jdbc.execute("DROP FUNCTION refuse_unstorable()");
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM channel_name_claim WHERE normalized_name = lower(?)",
				Long.class, name))
			.isZero();
		this.operator.createChannel(name, 1);
	}

	@Test
	void axonKeepsTokensAndSagasInPostgreSQL() {
		assertThat(this.tokenStore).isInstanceOf(JdbcTokenStore.class);
		assertThat(this.sagaStore).isInstanceOf(JdbcSagaStore.class);
	}

	@Test
	void storesCreatedScheduledAndCostedThingsAsEventsWithTheirIssuer() {
		String channelId = this.operator.createChannel(uniqueName("Stored"), 3);
		String videoId = this.operator.scheduleVideo(channelId, "2026-12-01T10:00:00Z");
		this.operator
			.post("/api/v1/videos/" + videoId + "/costs",
					Map.of("costId", "openai-1", "category", "SCRIPT", "amount", "0.012345", "provider", "openai",
							"units", 900))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("openai-1")
			.jsonPath("$.position")
			.isNumber();

		assertThat(eventTypes(channelId)).containsExactly("com.ytempire.api.channel.ChannelCreatedEvent");
		assertThat(eventTypes(videoId)).containsExactly("com.ytempire.api.video.VideoScheduledEvent",
				"com.ytempire.api.video.CostRecordedEvent");
		assertThat(this.jdbc.queryForList(
				"SELECT convert_from(metaData, 'UTF8') FROM DomainEventEntry WHERE aggregateIdentifier = ?",
				String.class, videoId))
			.allSatisfy((metaData) -> assertThat(metaData).contains("\"issuedBy\":\"scheduler\""));
		assertThat(this.jdbc.queryForObject(
				"SELECT convert_from(payload, 'UTF8') FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
				String.class, videoId))
			.contains("\"amountMicros\":12345");
	}

	@Test
	void answersWithTheStoredEventsPosition() {
		Map<?, ?> accepted = this.operator
			.post("/api/v1/channels", Map.of("name", uniqueName("Position"), "niche", "tech", "dailyVideoQuota", 1))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Long stored = this.jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?",
				Long.class, accepted.get("id"));
		assertThat(((Number) accepted.get("position")).longValue()).isEqualTo(stored);
	}

	@Test
	void fiftyConcurrentCostsOnOneVideoRecordExactlyFifty() throws Exception {
		String channelId = this.operator.createChannel(uniqueName("Concurrent"), 5);
		String videoId = this.operator.scheduleVideo(channelId, "2026-12-02T10:00:00Z");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<CompletableFuture<Integer>> requests = IntStream.range(0, 50)
				.mapToObj((i) -> CompletableFuture.supplyAsync(
						() -> this.operator
							.post("/api/v1/videos/" + videoId + "/costs",
									Map.of("costId", "c-" + i, "category", "RENDER", "amount", "0.001", "provider",
											"gpu"))
							.returnResult(Void.class)
							.getStatus()
							.value(),
						pool))
				.toList();
			List<Integer> statuses = requests.stream().map(CompletableFuture::join).toList();
			assertThat(statuses).containsOnly(201);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType = 'com.ytempire.api.video.CostRecordedEvent'",
				Integer.class, videoId))
			.isEqualTo(50);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
				Integer.class, videoId))
			.as("a video past 50 events is snapshotted")
			.isEqualTo(1);
		this.operator
			.post("/api/v1/videos/" + videoId + "/costs",
					Map.of("costId", "c-0", "category", "RENDER", "amount", "0.001", "provider", "gpu"))
			.expectStatus()
			.isOk();
	}

	@Test
	void repeatedCostIdRecordsOnce() {
		String channelId = this.operator.createChannel(uniqueName("RepeatCost"), 1);
		String videoId = this.operator.scheduleVideo(channelId, "2026-12-03T10:00:00Z");
		Map<String, Object> cost = Map.of("costId", "same", "category", "VOICE", "amount", "0.05", "provider", "tts");
		this.operator.post("/api/v1/videos/" + videoId + "/costs", cost).expectStatus().isCreated();
		this.operator.post("/api/v1/videos/" + videoId + "/costs", cost)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.position")
			.doesNotExist();
		assertThat(eventTypes(videoId)).hasSize(2);
	}

	@Test
	void repeatedIdempotencyKeyCreatesNothingNew() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("name", uniqueName("Idempotent"), "niche", "tech", "dailyVideoQuota", 2);
		List<String> ids = IntStream.range(0, 3)
			.parallel()
			.mapToObj((i) -> (String) this.operator.client()
				.post()
				.uri("/api/v1/channels")
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.is2xxSuccessful()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id"))
			.toList();
		assertThat(ids).containsOnly(ids.get(0));
		assertThat(eventTypes(ids.get(0))).hasSize(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM DomainEventEntry WHERE convert_from(payload, 'UTF8') LIKE ?", Integer.class,
				"%" + body.get("name") + "%"))
			.isEqualTo(1);
	}

	@Test
	void idempotencyKeyReusedForAnotherRequestIsRefused() {
		String key = UUID.randomUUID().toString();
		this.operator.client()
			.post()
			.uri("/api/v1/channels")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", uniqueName("First"), "niche", "tech", "dailyVideoQuota", 2))
			.exchange()
			.expectStatus()
			.isCreated();
		this.operator.client()
			.post()
			.uri("/api/v1/channels")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", uniqueName("Second"), "niche", "tech", "dailyVideoQuota", 2))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void channelNamesAreUniqueIgnoringCaseAndSpacing() {
		String name = uniqueName("Unique");
		this.operator.createChannel(name, 1);
		this.operator
			.post("/api/v1/channels",
					Map.of("name", "  " + name.toUpperCase().replace(" ", "   "), "niche", "x", "dailyVideoQuota", 1))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("already exists"));
	}

	@Test
	void concurrentCreationsWithOneNameStoreOneChannel() {
		String name = uniqueName("Race");
		List<Integer> statuses = IntStream.range(0, 8)
			.parallel()
			.mapToObj((i) -> this.operator
				.post("/api/v1/channels", Map.of("name", name, "niche", "tech", "dailyVideoQuota", 1))
				.returnResult(Void.class)
				.getStatus()
				.value())
			.toList();
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(7);
	}

	@Test
	void pausedChannelRefusesVideosUntilResumed() {
		String channelId = this.operator.createChannel(uniqueName("Pausing"), 2);
		this.operator.post("/api/v1/channels/" + channelId + "/pause", Map.of("reason", "strike"))
			.expectStatus()
			.isAccepted();
		this.operator
			.post("/api/v1/videos", Map.of("channelId", channelId, "title", "t", "topic", "t", "publishAt",
					"2026-12-04T10:00:00Z", "targetLengthSeconds", 30))
			.expectStatus()
			.isEqualTo(409);
		this.operator.client()
			.post()
			.uri("/api/v1/channels/" + channelId + "/resume")
			.exchange()
			.expectStatus()
			.isAccepted();
		this.operator.scheduleVideo(channelId, "2026-12-04T10:00:00Z");
	}

	@Test
	void dailyQuotaCountsScheduledVideosAndCancellingFreesASlot() {
		String channelId = this.operator.createChannel(uniqueName("Quota"), 2);
		String first = this.operator.scheduleVideo(channelId, "2026-12-05T08:00:00Z");
		this.operator.scheduleVideo(channelId, "2026-12-05T20:00:00Z");
		Map<String, Object> third = Map.of("channelId", channelId, "title", "t", "topic", "t", "publishAt",
				"2026-12-05T22:00:00Z", "targetLengthSeconds", 30);
		this.operator.post("/api/v1/videos", third).expectStatus().isEqualTo(409);
		this.operator.scheduleVideo(channelId, "2026-12-06T08:00:00Z");
		this.operator.post("/api/v1/videos/" + first + "/cancel", Map.of("reason", "duplicate topic"))
			.expectStatus()
			.isAccepted();
		this.operator.post("/api/v1/videos", third).expectStatus().isCreated();
	}

	@Test
	void updatesSettingsAndArchives() {
		String channelId = this.operator.createChannel(uniqueName("Settings"), 2);
		this.operator.client()
			.put()
			.uri("/api/v1/channels/" + channelId + "/settings")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					Map.of("niche", "science", "dailyVideoQuota", 4, "costCapPerVideo", "0.40", "dailyBudget", "2.00"))
			.exchange()
			.expectStatus()
			.isAccepted();
		this.operator.client()
			.post()
			.uri("/api/v1/channels/" + channelId + "/archive")
			.exchange()
			.expectStatus()
			.isAccepted();
		this.operator.client()
			.post()
			.uri("/api/v1/channels/" + channelId + "/pause")
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		assertThat(eventTypes(channelId)).containsExactly("com.ytempire.api.channel.ChannelCreatedEvent",
				"com.ytempire.api.channel.ChannelSettingsUpdatedEvent",
				"com.ytempire.api.channel.ChannelArchivedEvent");
	}

	@Test
	void costsAboveTheCapHaltTheVideo() {
		String channelId = this.operator.createChannel(uniqueName("Capped"), 1);
		String videoId = this.operator.scheduleVideo(channelId, "2026-12-07T10:00:00Z");
		this.operator
			.post("/api/v1/videos/" + videoId + "/costs",
					Map.of("costId", "big", "category", "IMAGES", "amount", "0.51", "provider", "sd"))
			.expectStatus()
			.isCreated();
		assertThat(eventTypes(videoId)).endsWith("com.ytempire.api.video.VideoHaltedEvent");
	}

	private List<String> eventTypes(String aggregateId) {
		return this.jdbc.queryForList(
				"SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
				String.class, aggregateId);
	}

	static String uniqueName(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
