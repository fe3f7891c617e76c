package com.ytempire.app.hardening;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a projection cannot fold goes to its dead-letter queue; the projection moves
 * past it, later events of the same aggregate wait behind it, and an admin retries them
 * once the cause is gone.
 */
@IntegrationTest
class DeadLetterTest {

	private static final String POISON_PREFIX = "Poison " + UUID.randomUUID();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeFault() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS refuse_poison ON rm_channel");
	}

	@Test
	void poisonEventIsDeadLetteredThenRetriedOnceFixed() {
		// The fault: the channel summary's table refuses one channel's row, as a broken
		// constraint or a bug in a fold would.
		this.jdbc.execute("CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "IF NEW.name LIKE '" + POISON_PREFIX + "%' THEN RAISE EXCEPTION 'refused by test'; END IF; "
				+ "RETURN NEW; END $$");
		this.jdbc.execute("CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON rm_channel "
				+ "FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
		Api operator = Api.at(this.port, TestKeys.OPERATOR);
		Api admin = Api.at(this.port, TestKeys.ADMIN);
		String poisoned = operator.createChannel(POISON_PREFIX, 3);
		operator.post("/api/v1/channels/" + poisoned + "/pause", "{}").expectStatus().is2xxSuccessful();
		Map<String, Object> after = operator
			.post("/api/v1/channels",
					Map.of("name", "After " + UUID.randomUUID(), "niche", "tech", "dailyVideoQuota", 1))
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();

		// The projection moved past the poison event: a later channel is there. The
		// processor first fails the batch and retries it after a pause, event by event.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> operator.client()
				.get()
				.uri("/api/v1/channels/{id}", after.get("id"))
				.exchange()
				.expectStatus()
				.isOk());
		operator.client().get().uri("/api/v1/channels/{id}", poisoned).exchange().expectStatus().isNotFound();

		List<Map<String, Object>> letters = deadLetters(admin, poisoned);
		assertThat(letters).extracting((letter) -> letter.get("eventType"))
			.containsExactly("com.ytempire.api.channel.ChannelCreatedEvent",
					"com.ytempire.api.channel.ChannelPausedEvent");
		assertThat(letters.get(0)).containsEntry("projection", "channel-summary");
		assertThat((String) letters.get(0).get("causeMessage")).contains("refused by test");
		assertThat(letters.get(1).get("causeType")).as("waits behind the first, did not fail itself").isNull();

		// Retrying while the fault is still there changes nothing.
		admin.post("/api/v1/admin/dead-letters/retry", "").expectStatus().isOk();
		assertThat(deadLetters(admin, poisoned)).hasSize(2);

		removeFault();
		admin.post("/api/v1/admin/dead-letters/retry", "")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.retried")
			.value((retried) -> assertThat(((Number) retried).longValue()).isGreaterThanOrEqualTo(2));
		assertThat(deadLetters(admin, poisoned)).isEmpty();
		operator.client()
			.get()
			.uri("/api/v1/channels/{id}", poisoned)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAUSED");
	}

	private static List<Map<String, Object>> deadLetters(Api admin, String aggregateId) {
		List<Map<String, Object>> all = admin.client()
			.get()
			.uri("/api/v1/admin/dead-letters")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return all.stream().filter((letter) -> aggregateId.equals(letter.get("sequence"))).toList();
	}

}
