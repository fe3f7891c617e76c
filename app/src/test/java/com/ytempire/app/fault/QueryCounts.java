package com.ytempire.app.fault;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.ytempire.app.fault.Attempt.Outcome;

/** How the queries sent under load were answered. */
final class QueryCounts {

	private final Map<Outcome, AtomicLong> counts = new EnumMap<>(Outcome.class);

	QueryCounts() {
		for (Outcome outcome : Outcome.values()) {
			this.counts.put(outcome, new AtomicLong());
		}
	}

	void count(Attempt attempt) {
		this.counts.get(attempt.outcome()).incrementAndGet();
	}

	long of(Outcome outcome) {
		return this.counts.get(outcome).get();
	}

	long total() {
		return this.counts.values().stream().mapToLong(AtomicLong::get).sum();
	}

}
