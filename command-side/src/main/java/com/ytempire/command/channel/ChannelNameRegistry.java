package com.ytempire.command.channel;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static com.ytempire.command.CommandRejectedException.conflict;

/**
 * Keeps channel names unique. A name is claimed inside the transaction that stores the
 * {@code ChannelCreatedEvent}: two concurrent creations with one name cannot both commit,
 * because the second insert waits for the first transaction and then finds the name
 * taken.
 */
@Component
public class ChannelNameRegistry {

	private final JdbcTemplate jdbc;

	ChannelNameRegistry(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void claim(String name, String channelId) {
		int claimed = this.jdbc.update(
				"INSERT INTO channel_name_claim (normalized_name, channel_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
				normalize(name), channelId);
		if (claimed == 0) {
			throw conflict("A channel named '" + name.strip() + "' already exists");
		}
	}

	/** Names that differ only in case or spacing are the same name to a viewer. */
	static String normalize(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
