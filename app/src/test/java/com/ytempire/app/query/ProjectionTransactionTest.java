package com.ytempire.app.query;

import java.time.Duration;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ProjectionTransactionTest {

	@LocalServerPort
	int port;

	@Autowired
	CommandGateway gateway;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * PostgreSQL stamps every row version with the id of the transaction that wrote it:
	 * the read-model row and the processor's token carry the same one.
	 */
	@Test
	void readModelRowsAndTheTokenAreWrittenInOneTransaction() {
		ReadModelFixture fixture = new ReadModelFixture(Api.at(this.port, TestKeys.OPERATOR), this.gateway);
		String channelId = fixture.channel("Atomic");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"SELECT (SELECT xmin::text FROM rm_channel WHERE channel_id = ?)"
							+ " = (SELECT xmin::text FROM TokenEntry WHERE processorName = 'channel-summary')",
					Boolean.class, channelId))
				.isTrue());
	}

}
