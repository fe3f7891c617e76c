package com.ytempire.app;

import java.util.Map;

import com.ytempire.api.channel.ChannelPausedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two processes sharing the database can append to one aggregate at the same moment; the
 * database's unique key on (aggregate, sequence) lets one of them win. The loser must see
 * Axon's ConcurrencyException, which the API answers with 409 (send it again), not an
 * unexplained failure answered with 500.
 */
@IntegrationTest
class ConcurrentAppendTest {

	@LocalServerPort
	int port;

	@Autowired
	EventStorageEngine events;

	@Test
	void anAppendAtATakenSequenceIsAConcurrentChange() {
		Api operator = Api.at(this.port, TestKeys.OPERATOR);
		String channelId = operator.createChannel("Raced " + System.nanoTime(), 1);
		operator.post("/api/v1/channels/" + channelId + "/pause", Map.of("reason", "first"))
			.expectStatus()
			.isAccepted();

		// What the other process stored at the same sequence a moment later.
		GenericDomainEventMessage<ChannelPausedEvent> late = new GenericDomainEventMessage<>("Channel", channelId, 1,
				new ChannelPausedEvent(channelId, "second"));
		assertThatExceptionOfType(ConcurrencyException.class).isThrownBy(() -> this.events.appendEvents(late));
	}

}
