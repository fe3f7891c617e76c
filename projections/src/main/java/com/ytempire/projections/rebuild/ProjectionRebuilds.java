package com.ytempire.projections.rebuild;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.ytempire.projections.batch.Envelope;
import com.ytempire.projections.batch.Projection;
import com.ytempire.projections.batch.TableSet;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds projections from the event store without taking their read models away.
 * <p>
 * The events are replayed into shadow copies of the tables while the live ones keep
 * serving. Once the shadow has caught up with the head of the store, the live processors
 * stop, the shadow takes the last events, both are compared row by row, and in one
 * transaction the shadow tables take the live names and the processors' tokens move to
 * where the replay ended. Readers wait for that transaction at most; they never see an
 * empty or half-built table. The ops CLI calls {@link #rebuild(String)} directly.
 */
@Service
public class ProjectionRebuilds {

	public static final String ALL = "all";

	private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

	private static final int CHUNK = 5000;

	private final List<Projection> projections;

	private final EventStorageEngine events;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final EventProcessingConfiguration processing;

	private final Serializer serializer;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "projection-rebuild");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());

	private final AtomicLong done = new AtomicLong();

	ProjectionRebuilds(List<Projection> projections, EventStorageEngine events, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, EventProcessingConfiguration processing,
			Serializer serializer) {
		this.projections = List.copyOf(projections);
		this.events = events;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.processing = processing;
		this.serializer = serializer;
	}

	/** The names a rebuild accepts, besides {@value #ALL}. */
	public List<String> names() {
		return this.projections.stream().map(Projection::name).sorted().toList();
	}

	/** Starts a rebuild in the background and returns at once. */
	public synchronized RebuildStatus start(String name) {
		List<Projection> selected = select(name);
		if (status().running()) {
			throw new IllegalStateException("A rebuild of " + status().projections() + " is running");
		}
		this.status.set(starting(selected));
		this.worker.execute(() -> run(selected));
		return status();
	}

	/** Rebuilds and returns when the new read models are live: for the ops CLI. */
	public RebuildStatus rebuild(String name) {
		List<Projection> selected = select(name);
		synchronized (this) {
			if (status().running()) {
				throw new IllegalStateException("A rebuild of " + status().projections() + " is running");
			}
			this.status.set(starting(selected));
		}
		run(selected);
		return status();
	}

	public RebuildStatus status() {
		RebuildStatus current = this.status.get();
		if (!current.state().equals("REPLAYING")) {
			return current;
		}
		long replayed = this.done.get();
		double seconds = Math.max(0.001, Duration.between(current.startedAt(), Instant.now()).toMillis() / 1000.0);
		double rate = replayed / seconds;
		Long eta = (rate > 0) ? Math.max(0, (long) ((current.eventsTotal() - replayed) / rate)) : null;
		return new RebuildStatus(current.state(), current.projections(), replayed, current.eventsTotal(), rate, eta,
				current.startedAt(), null, List.of(), null);
	}

	private List<Projection> select(String name) {
		if (ALL.equals(name)) {
			return this.projections;
		}
		return this.projections.stream()
			.filter((projection) -> projection.name().equals(name))
			.findFirst()
			.map(List::of)
			.orElseThrow(() -> new IllegalArgumentException(
					"There is no projection '" + name + "'; known: " + String.join(", ", names()) + ", " + ALL));
	}

	private RebuildStatus starting(List<Projection> selected) {
		this.done.set(0);
		// A count, not the head position: positions have gaps where transactions rolled
		// back, and progress compares this with the number of events replayed.
		long stored = this.jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
		return new RebuildStatus("REPLAYING", selected.stream().map(Projection::name).toList(), 0, stored, 0, null,
				Instant.now(), null, List.of(), null);
	}

	private void run(List<Projection> selected) {
		RebuildStatus started = this.status.get();
		List<StreamingEventProcessor> processors = new ArrayList<>();
		try {
			createShadows(selected);
			TrackingToken token = replay(selected, null);
			RebuildStatus replayed = status();
			this.status.set(new RebuildStatus("SWAPPING", started.projections(), this.done.get(), started.eventsTotal(),
					replayed.eventsPerSecond(), 0L, started.startedAt(), null, List.of(), null));
			for (Projection projection : selected) {
				StreamingEventProcessor processor = processor(projection);
				processor.shutDown();
				processors.add(processor);
			}
			// The live processors have stopped: what arrived meanwhile goes into the
			// shadow
			// too, and then both sides hold every event up to the same head.
			TrackingToken end = replay(selected, token);
			List<RebuildStatus.TableDifference> differences = compare(selected);
			swap(selected, end);
			this.status.set(new RebuildStatus("DONE", started.projections(), this.done.get(), started.eventsTotal(),
					replayed.eventsPerSecond(), 0L, started.startedAt(), Instant.now(), differences, null));
			differences.stream()
				.filter((difference) -> !difference.same())
				.forEach((difference) -> log.warn("Rebuilt {} differs from the live one it replaced: {}",
						difference.table(), difference));
		}
		catch (RuntimeException ex) {
			log.error("Rebuild of {} failed; the live read models are unchanged", started.projections(), ex);
			this.status.set(new RebuildStatus("FAILED", started.projections(), this.done.get(), started.eventsTotal(),
					0, null, started.startedAt(), Instant.now(), List.of(), ex.getMessage()));
		}
		finally {
			processors.forEach(StreamingEventProcessor::start);
		}
	}

	private void createShadows(List<Projection> selected) {
		for (Projection projection : selected) {
			for (String table : projection.tables()) {
				String shadow = TableSet.SHADOW.of(table);
				this.jdbc.execute("DROP TABLE IF EXISTS " + shadow);
				this.jdbc.execute("CREATE TABLE " + shadow + " (LIKE " + table + " INCLUDING ALL)");
			}
		}
	}

	/**
	 * Replays every event after the token into the shadow tables; returns the new token.
	 */
	private TrackingToken replay(List<Projection> selected, TrackingToken from) {
		TrackingToken token = from;
		while (true) {
			TrackingToken before = token;
			try (Stream<? extends TrackedEventMessage<?>> stream = this.events.readEvents(token, false)) {
				Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
				while (iterator.hasNext()) {
					List<Envelope> chunk = new ArrayList<>(CHUNK);
					TrackingToken last = token;
					while (iterator.hasNext() && chunk.size() < CHUNK) {
						TrackedEventMessage<?> message = iterator.next();
						chunk.add(Envelope.of(message));
						last = message.trackingToken();
					}
					this.transactions.executeWithoutResult((transaction) -> selected
						.forEach((projection) -> projection.apply(chunk, TableSet.SHADOW)));
					this.done.addAndGet(chunk.size());
					token = last;
				}
			}
			if (token == before) {
				return token;
			}
		}
	}

	private List<RebuildStatus.TableDifference> compare(List<Projection> selected) {
		List<RebuildStatus.TableDifference> differences = new ArrayList<>();
		for (Projection projection : selected) {
			for (String table : projection.tables()) {
				String shadow = TableSet.SHADOW.of(table);
				differences.add(new RebuildStatus.TableDifference(table, count(table), count(shadow), checksum(table),
						checksum(shadow), except(table, shadow), except(shadow, table)));
			}
		}
		return differences;
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
	}

	/** An order-independent digest of every row's text. */
	private String checksum(String table) {
		return this.jdbc.queryForObject("SELECT coalesce(md5(string_agg(h, '' ORDER BY h)), md5('')) FROM"
				+ " (SELECT md5(t::text) AS h FROM " + table + " t) rows", String.class);
	}

	private long except(String left, String right) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM (SELECT * FROM " + left + " EXCEPT ALL SELECT * FROM " + right + ") d",
				Long.class);
	}

	private void swap(List<Projection> selected, TrackingToken end) {
		this.transactions.executeWithoutResult((transaction) -> {
			// Tokens first, tables second: the order in which a processor's batch takes
			// them (it stores its token before it folds its events into the tables).
			// Taken
			// the other way round, a batch of another process sharing the database
			// deadlocked with the swap and the rebuild failed.
			this.jdbc.queryForList(
					"SELECT processorName FROM TokenEntry WHERE processorName IN ("
							+ String.join(", ", selected.stream().map((projection) -> "?").toList()) + ") FOR UPDATE",
					String.class, selected.stream().map(Projection::name).toArray());
			for (Projection projection : selected) {
				for (String table : projection.tables()) {
					this.jdbc.execute("ALTER TABLE " + table + " RENAME TO " + table + "_replaced");
					this.jdbc.execute("ALTER TABLE " + TableSet.SHADOW.of(table) + " RENAME TO " + table);
					this.jdbc.execute("DROP TABLE " + table + "_replaced");
				}
			}
			// The tokens move with the tables they describe. Written directly rather than
			// through resetTokens, which would wrap them in a replay token and apply the
			// events between the old and the new position a second time.
			//
			// They are also claimed for this process, under the node id Axon's JDBC token
			// store uses by default. Another process sharing the database may have held a
			// claim and gone on projecting from its own position in memory; once the
			// claim
			// is gone its next batch cannot store its token, so it rolls back instead of
			// applying events to the new tables a second time (or skipping some). This
			// process's processors, started again below, take the claims over at once;
			// the
			// others wait for the claim timeout, and all start from the new token.
			SerializedObject<byte[]> token = this.serializer.serialize(end, byte[].class);
			String owner = ManagementFactory.getRuntimeMXBean().getName();
			String now = DateTimeUtils.formatInstant(Instant.now());
			for (Projection projection : selected) {
				this.jdbc.update(
						"UPDATE TokenEntry SET token = ?, tokenType = ?, owner = ?, timestamp = ? WHERE processorName = ?",
						token.getData(), token.getType().getName(), owner, now, projection.name());
			}
		});
	}

	private StreamingEventProcessor processor(Projection projection) {
		return this.processing.eventProcessor(projection.name(), StreamingEventProcessor.class)
			.orElseThrow(() -> new IllegalStateException("No streaming processor runs " + projection.name()));
	}

}
