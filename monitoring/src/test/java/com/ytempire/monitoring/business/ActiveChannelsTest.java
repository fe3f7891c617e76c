package com.ytempire.monitoring.business;

import java.time.Instant;

import com.ytempire.api.channel.ChannelArchivedEvent;
import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelPausedEvent;
import com.ytempire.api.channel.ChannelResumedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.monitoring.EventStoreDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveChannelsTest {

	private static EventStoreDatabase database;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeAll
	static void start() {
		database = new EventStoreDatabase();
		Instant now = Instant.now();
		database.append("a", ChannelCreatedEvent.class, now);
		database.append("b", ChannelCreatedEvent.class, now);
		database.append("v", VideoScheduledEvent.class, now);
		database.append("b", ChannelPausedEvent.class, now);
		database.append("c", ChannelCreatedEvent.class, now);
		database.append("c", ChannelArchivedEvent.class, now);
		database.append("b", ChannelResumedEvent.class, now);
	}

	@AfterAll
	static void stop() throws Exception {
		database.close();
	}

	@Test
	void startsFromTheChannelHistoryUpToTheHead() {
		ActiveChannels channels = new BusinessMetricsConfiguration().activeChannels(this.registry, database.jdbc());
		channels.loadUpTo(6);
		assertThat(gauge()).isEqualTo(1);
		channels.loadUpTo(7);
		assertThat(gauge()).isEqualTo(2);
	}

	@Test
	void followsNewLifecycleEvents() {
		ActiveChannels channels = new ActiveChannels(this.registry, database.jdbc());
		channels.on(new ChannelCreatedEvent("x", "X", null));
		channels.on(new ChannelCreatedEvent("y", "Y", null));
		channels.on(new ChannelPausedEvent("y", "holiday"));
		assertThat(gauge()).isEqualTo(1);
		channels.on(new ChannelResumedEvent("y"));
		channels.on(new ChannelArchivedEvent("x", "closed"));
		assertThat(gauge()).isEqualTo(1);
	}

	@Test
	void countsTheEventsOfCommittedTransactionsOnlyOnceTheyCommit() {
		ActiveChannels channels = new ActiveChannels(this.registry, database.jdbc());
		Configurer configurer = DefaultConfigurer.defaultConfiguration()
			.configureEmbeddedEventStore((configuration) -> new InMemoryEventStorageEngine());
		configurer.eventProcessing().registerEventHandler((configuration) -> channels);
		new BusinessMetricsConfiguration().businessMetricsProcessor().configureModule(configurer);
		Configuration configuration = configurer.start();
		try {
			EventBus events = configuration.eventBus();
			DefaultUnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
			events.publish(GenericEventMessage.asEventMessage(new ChannelCreatedEvent("kept", "Kept", null)));
			assertThat(gauge()).as("not before the commit").isZero();
			committed.commit();
			assertThat(gauge()).isEqualTo(1);

			DefaultUnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
			events.publish(GenericEventMessage.asEventMessage(new ChannelCreatedEvent("lost", "Lost", null)));
			rolledBack.rollback();
			assertThat(gauge()).isEqualTo(1);
		}
		finally {
			configuration.shutdown();
		}
	}

	private double gauge() {
		return this.registry.get("active.channels").gauge().value();
	}

}
