package com.ytempire.command.channel;

import com.ytempire.api.channel.ArchiveChannelCommand;
import com.ytempire.api.channel.ChannelArchivedEvent;
import com.ytempire.api.channel.ChannelCreatedEvent;
import com.ytempire.api.channel.ChannelPausedEvent;
import com.ytempire.api.channel.ChannelResumedEvent;
import com.ytempire.api.channel.ChannelSettings;
import com.ytempire.api.channel.ChannelSettingsUpdatedEvent;
import com.ytempire.api.channel.ChannelStatus;
import com.ytempire.api.channel.CreateChannelCommand;
import com.ytempire.api.channel.PauseChannelCommand;
import com.ytempire.api.channel.ResumeChannelCommand;
import com.ytempire.api.channel.UpdateChannelSettingsCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static com.ytempire.command.CommandRejectedException.conflict;
import static com.ytempire.command.CommandRejectedException.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A YouTube channel the platform produces videos for. Names are unique across all
 * channels; the {@link ChannelNameRegistry} enforces that in the same transaction as the
 * creation.
 */
@Aggregate(snapshotTriggerDefinition = "channelSnapshotTrigger")
class Channel {

	@AggregateIdentifier
	private String channelId;

	private ChannelStatus status;

	private ChannelSettings settings;

	protected Channel() {
	}

	@CommandHandler
	Channel(CreateChannelCommand command, ChannelNameRegistry names) {
		if (command.name() == null || command.name().isBlank()) {
			throw invalid("A channel needs a name");
		}
		ChannelSettingsRules.check(command.settings());
		names.claim(command.name(), command.channelId());
		apply(new ChannelCreatedEvent(command.channelId(), command.name().strip(), command.settings()));
	}

	@CommandHandler
	void handle(UpdateChannelSettingsCommand command) {
		requireNotArchived("change its settings");
		ChannelSettingsRules.check(command.settings());
		if (!command.settings().equals(this.settings)) {
			apply(new ChannelSettingsUpdatedEvent(this.channelId, command.settings()));
		}
	}

	@CommandHandler
	void handle(PauseChannelCommand command) {
		requireNotArchived("pause it");
		if (this.status == ChannelStatus.PAUSED) {
			throw conflict("Channel " + this.channelId + " is already paused");
		}
		apply(new ChannelPausedEvent(this.channelId, command.reason()));
	}

	@CommandHandler
	void handle(ResumeChannelCommand command) {
		requireNotArchived("resume it");
		if (this.status == ChannelStatus.ACTIVE) {
			throw conflict("Channel " + this.channelId + " is not paused");
		}
		apply(new ChannelResumedEvent(this.channelId));
	}

	@CommandHandler
	void handle(ArchiveChannelCommand command) {
		requireNotArchived("archive it again");
		apply(new ChannelArchivedEvent(this.channelId, command.reason()));
	}

	private void requireNotArchived(String action) {
		if (this.status == ChannelStatus.ARCHIVED) {
			throw conflict("Channel " + this.channelId + " is archived; you cannot " + action);
		}
	}

	@EventSourcingHandler
	void on(ChannelCreatedEvent event) {
		this.channelId = event.channelId();
		this.settings = event.settings();
		this.status = ChannelStatus.ACTIVE;
	}

	@EventSourcingHandler
	void on(ChannelSettingsUpdatedEvent event) {
		this.settings = event.settings();
	}

	@EventSourcingHandler
	void on(ChannelPausedEvent event) {
		this.status = ChannelStatus.PAUSED;
	}

	@EventSourcingHandler
	void on(ChannelResumedEvent event) {
		this.status = ChannelStatus.ACTIVE;
	}

	@EventSourcingHandler
	void on(ChannelArchivedEvent event) {
		this.status = ChannelStatus.ARCHIVED;
	}

}
