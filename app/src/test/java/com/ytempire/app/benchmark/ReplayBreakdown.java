package com.ytempire.app.benchmark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.ytempire.projections.batch.Envelope;
import com.ytempire.projections.batch.Projection;
import com.ytempire.projections.batch.TableSet;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a rebuild's time goes: reading and deserializing the events alone, then each
 * projection replaying them alone into its shadow tables, in chunks as a rebuild does.
 */
final class ReplayBreakdown {

	private static final int CHUNK = 5000;

	private final EventStorageEngine events;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	ReplayBreakdown(EventStorageEngine events, JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.events = events;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Lines of events per second: reading alone, then one per projection. */
	List<String> measure(List<Projection> projections) {
		List<String> lines = new ArrayList<>();
		lines.add(rate("read and deserialize only", (chunk) -> {
		}));
		for (Projection projection : projections) {
			for (String table : projection.tables()) {
				this.jdbc.execute("DROP TABLE IF EXISTS " + TableSet.SHADOW.of(table));
				this.jdbc.execute("CREATE TABLE " + TableSet.SHADOW.of(table) + " (LIKE " + table + " INCLUDING ALL)");
			}
			lines.add(rate(projection.name(), (chunk) -> this.transactions
				.executeWithoutResult((transaction) -> projection.apply(chunk, TableSet.SHADOW))));
			for (String table : projection.tables()) {
				this.jdbc.execute("DROP TABLE " + TableSet.SHADOW.of(table));
			}
		}
		return lines;
	}

	private String rate(String what, Consumer<List<Envelope>> apply) {
		long start = System.nanoTime();
		long count = 0;
		try (Stream<? extends TrackedEventMessage<?>> stream = this.events.readEvents(null, false)) {
			Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
			List<Envelope> chunk = new ArrayList<>(CHUNK);
			while (iterator.hasNext()) {
				chunk.add(Envelope.of(iterator.next()));
				if (chunk.size() == CHUNK || !iterator.hasNext()) {
					apply.accept(chunk);
					count += chunk.size();
					chunk = new ArrayList<>(CHUNK);
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return String.format("| %s | %,d | %.1f | %,.0f |", what, count, seconds, count / seconds);
	}

}
