package com.ytempire.app.operator;

import java.time.Instant;
import java.util.Map;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.backup.OperatorRun;
import com.ytempire.ops.OperatorDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ytempire audit} prints what the service's audit replays. */
@IntegrationTest
class AuditCommandTest {

	@LocalServerPort
	int port;

	@Test
	void printsTheHistoryAndTheStateAtAnInstant() throws Exception {
		Api operator = Api.at(this.port, TestKeys.OPERATOR);
		String channelId = operator.createChannel("Audited " + System.nanoTime(), 1);
		Thread.sleep(20);
		Instant between = Instant.now();
		Thread.sleep(20);
		operator.post("/api/v1/channels/" + channelId + "/pause", Map.of("reason", "copyright strike"))
			.expectStatus()
			.is2xxSuccessful();

		OperatorRun history = audit(channelId);
		assertThat(history.status()).as(history.toString()).isZero();
		assertThat(history.out()).contains(channelId + ": 2 events", "ChannelCreatedEvent", "ChannelPausedEvent",
				"by scheduler, request ");

		OperatorRun then = audit(channelId, "--at", between.toString());
		assertThat(then.status()).as(then.toString()).isZero();
		assertThat(then.out())
			.contains(channelId + ": 1 events up to " + between, "state at " + between, "\"status\" : \"ACTIVE\"")
			.doesNotContain("ChannelPausedEvent");
	}

	@Test
	void anUnknownIdIsReportedAsTheServiceAnswersIt() {
		OperatorRun audit = audit("no-such-aggregate");

		assertThat(audit.status()).isEqualTo(1);
		assertThat(audit.err()).contains("the service answered 404", "There are no events for no-such-aggregate");
	}

	private OperatorRun audit(String... args) {
		String[] command = new String[args.length + 5];
		command[0] = "audit";
		command[1] = "--url";
		command[2] = "http://localhost:" + this.port + "/";
		command[3] = "--api-key";
		command[4] = TestKeys.VIEWER;
		System.arraycopy(args, 0, command, 5, args.length);
		return OperatorRun.of(AuditCommandTest::noDatabase, command);
	}

	private static OperatorDatabase noDatabase() {
		throw new AssertionError("audit works through the service, not on its database");
	}

}
