package com.ytempire.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A throw-away PostgreSQL with the event store tables the monitoring module reads.
 */
public final class EventStoreDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final JdbcTemplate jdbc;

	public EventStoreDatabase() {
		try {
			this.postgres = EmbeddedPostgres.builder().start();
			this.jdbc = new JdbcTemplate(this.postgres.getPostgresDatabase());
			this.jdbc.execute(new String(getClass().getResourceAsStream("/eventstore-tables.sql").readAllBytes(),
					StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	public void append(String aggregateId, Class<?> eventType, Instant at) {
		this.jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, payloadType, timeStamp) VALUES (?, ?, ?)",
				aggregateId, eventType.getName(), at.toString());
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
