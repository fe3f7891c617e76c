package com.ytempire.command.channel;

import com.ytempire.api.channel.ArchiveChannelCommand;
import com.ytempire.api.channel.ChannelArchivedEvent;
import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelPausedEvent;
import com.ytempire.api.channel.ChannelResumedEvent;
import com.ytempire.api.channel.ChannelSettings;
import com.ytempire.api.channel.ChannelSettingsUpdatedEvent;
import com.ytempire.api.channel.CreateChannelCommand;
import com.ytempire.api.channel.PauseChannelCommand;
import com.ytempire.api.channel.ResumeChannelCommand;
import com.ytempire.api.channel.UpdateChannelSettingsCommand;
import com.ytempire.command.CommandRejectedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class ChannelTest {

	private static final String ID = "channel-1";

	private static final ChannelSettings SETTINGS = new ChannelSettings("tech", "@techdaily", 3, 500_000, 1_500_000);

	private static final ChannelCreatedEvent CREATED = new ChannelCreatedEvent(ID, "Tech Daily", SETTINGS);

	private final ChannelNameRegistry names = mock(ChannelNameRegistry.class);

	private AggregateTestFixture<Channel> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Channel.class);
		this.fixture.registerInjectableResource(this.names);
	}

	@Test
	void createsChannelAndClaimsItsName() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateChannelCommand(ID, "  Tech Daily ", SETTINGS))
			.expectEvents(CREATED);
		verify(this.names).claim("  Tech Daily ", ID);
	}

	@Test
	void rejectsTakenName() {
		doThrow(CommandRejectedException.conflict("A channel named 'Tech Daily' already exists")).when(this.names)
			.claim(anyString(), eq(ID));
		this.fixture.givenNoPriorActivity()
			.when(new CreateChannelCommand(ID, "Tech Daily", SETTINGS))
			.expectException(CommandRejectedException.class)
			.expectExceptionMessage("A channel named 'Tech Daily' already exists")
			.expectNoEvents();
	}

	@Test
	void rejectsBlankName() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateChannelCommand(ID, " ", SETTINGS))
			.expectException(CommandRejectedException.class)
			.expectNoEvents();
		verify(this.names, never()).claim(anyString(), anyString());
	}

	@Test
	void rejectsQuotaOutsideLimits() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateChannelCommand(ID, "Tech", new ChannelSettings("tech", null, 0, 500_000, 0)))
			.expectExceptionMessage("The daily video quota must be between 1 and 1000, not 0");
	}

	@Test
	void rejectsZeroCostCap() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateChannelCommand(ID, "Tech", new ChannelSettings("tech", null, 1, 0, 0)))
			.expectExceptionMessage("The cost cap per video must be more than $0 and at most $1,000");
	}

	@Test
	void rejectsNegativeDailyBudget() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateChannelCommand(ID, "Tech", new ChannelSettings("tech", null, 1, 1, -1)))
			.expectExceptionMessage("The daily budget must be between $0 and $100,000");
	}

	@Test
	void rejectsMissingSettings() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateChannelCommand(ID, "Tech", null))
			.expectExceptionMessage("Channel settings are missing");
	}

	@Test
	void updatesSettings() {
		ChannelSettings changed = new ChannelSettings("tech", "@techdaily", 5, 400_000, 2_000_000);
		this.fixture.given(CREATED)
			.when(new UpdateChannelSettingsCommand(ID, changed))
			.expectEvents(new ChannelSettingsUpdatedEvent(ID, changed));
	}

	@Test
	void unchangedSettingsStoreNothing() {
		this.fixture.given(CREATED)
			.when(new UpdateChannelSettingsCommand(ID, SETTINGS))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void rejectsInvalidSettingsUpdate() {
		this.fixture.given(CREATED)
			.when(new UpdateChannelSettingsCommand(ID, new ChannelSettings("tech", null, 1001, 1, 0)))
			.expectException(CommandRejectedException.class)
			.expectNoEvents();
	}

	@Test
	void pausesActiveChannel() {
		this.fixture.given(CREATED)
			.when(new PauseChannelCommand(ID, "copyright strike"))
			.expectEvents(new ChannelPausedEvent(ID, "copyright strike"));
	}

	@Test
	void rejectsPausingPausedChannel() {
		this.fixture.given(CREATED, new ChannelPausedEvent(ID, null))
			.when(new PauseChannelCommand(ID, null))
			.expectExceptionMessage("Channel channel-1 is already paused");
	}

	@Test
	void resumesPausedChannel() {
		this.fixture.given(CREATED, new ChannelPausedEvent(ID, null))
			.when(new ResumeChannelCommand(ID))
			.expectEvents(new ChannelResumedEvent(ID));
	}

	@Test
	void rejectsResumingActiveChannel() {
		this.fixture.given(CREATED)
			.when(new ResumeChannelCommand(ID))
			.expectExceptionMessage("Channel channel-1 is not paused");
	}

	@Test
	void archivesChannel() {
		this.fixture.given(CREATED, new ChannelPausedEvent(ID, null))
			.when(new ArchiveChannelCommand(ID, "retired"))
			.expectEvents(new ChannelArchivedEvent(ID, "retired"));
	}

	@Test
	void archivedChannelRejectsEveryChange() {
		ChannelArchivedEvent archived = new ChannelArchivedEvent(ID, null);
		this.fixture.given(CREATED, archived)
			.when(new ArchiveChannelCommand(ID, null))
			.expectExceptionMessage("Channel channel-1 is archived; you cannot archive it again");
		this.fixture.given(CREATED, archived)
			.when(new ResumeChannelCommand(ID))
			.expectExceptionMessage("Channel channel-1 is archived; you cannot resume it");
		this.fixture.given(CREATED, archived)
			.when(new PauseChannelCommand(ID, null))
			.expectExceptionMessage("Channel channel-1 is archived; you cannot pause it");
		this.fixture.given(CREATED, archived)
			.when(new UpdateChannelSettingsCommand(ID, SETTINGS))
			.expectExceptionMessage("Channel channel-1 is archived; you cannot change its settings");
	}

}
