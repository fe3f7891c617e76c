package com.ytempire.render.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ytempire.api.video.ProductionStep;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Production work in PostgreSQL. Work is queued in the transaction of the saga state that
 * asked for it, so a crash can neither lose a request nor leave one the saga does not
 * know of; a worker claims a row once, so one attempt never runs twice.
 */
public class ProductionQueue implements WorkQueue {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private final List<Runnable> arrivalListeners = new ArrayList<>();

	public ProductionQueue(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Called after work is queued and committed, so idle workers need not wait to poll.
	 */
	public void onArrival(Runnable listener) {
		this.arrivalListeners.add(listener);
	}

	@Override
	public void enqueue(StepRequest request) {
		this.jdbc.update(
				"INSERT INTO production_work (video_id, step, attempt, request, state, queued_at)"
						+ " VALUES (?, ?, ?, ?, 'QUEUED', now()) ON CONFLICT DO NOTHING",
				request.videoId(), request.step().name(), request.attempt(), write(request));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					announceArrival();
				}
			});
		}
		else {
			announceArrival();
		}
	}

	/** Takes the oldest waiting request, if any, for this worker alone. */
	public Optional<StepRequest> claim(String worker) {
		List<String> claimed = this.jdbc.queryForList("UPDATE production_work SET state = 'RUNNING', claimed_by = ?,"
				+ " claimed_at = now() WHERE (video_id, step, attempt) = (SELECT video_id, step, attempt"
				+ " FROM production_work WHERE state = 'QUEUED' ORDER BY queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
				+ " RETURNING request", String.class, worker);
		return claimed.stream().findFirst().map(this::read);
	}

	public void finish(StepRequest request, boolean succeeded) {
		this.jdbc.update(
				"UPDATE production_work SET state = ?, finished_at = now()"
						+ " WHERE video_id = ? AND step = ? AND attempt = ? AND state = 'RUNNING'",
				succeeded ? "DONE" : "FAILED", request.videoId(), request.step().name(), request.attempt());
	}

	@Override
	public void abandon(String videoId, ProductionStep step, int attempt) {
		this.jdbc.update(
				"UPDATE production_work SET state = 'FAILED', finished_at = now()"
						+ " WHERE video_id = ? AND step = ? AND attempt = ? AND state IN ('QUEUED', 'RUNNING')",
				videoId, step.name(), attempt);
	}

	@Override
	public void withdraw(String videoId) {
		this.jdbc.update("UPDATE production_work SET state = 'WITHDRAWN', finished_at = now()"
				+ " WHERE video_id = ? AND state = 'QUEUED'", videoId);
	}

	/** How many requests wait and how many run, by state. */
	public Map<String, Long> depth() {
		Map<String, Long> depth = new TreeMap<>(Map.of("QUEUED", 0L, "RUNNING", 0L));
		this.jdbc.query(
				"SELECT state, count(*) FROM production_work WHERE state IN ('QUEUED', 'RUNNING')" + " GROUP BY state",
				(row) -> {
					depth.put(row.getString(1), row.getLong(2));
				});
		return depth;
	}

	private void announceArrival() {
		this.arrivalListeners.forEach(Runnable::run);
	}

	private String write(StepRequest request) {
		try {
			return this.json.writeValueAsString(request);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("could not write " + request, ex);
		}
	}

	private StepRequest read(String request) {
		try {
			return this.json.readValue(request, StepRequest.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a queued production request cannot be read: " + request, ex);
		}
	}

}
