package com.ytempire.app.benchmark;

import java.util.Arrays;
import java.util.Collection;

/**
 * A set of measured latencies and their percentiles, in milliseconds.
 */
final class Latencies {

	private final long[] sortedNanos;

	Latencies(Collection<Long> nanos) {
		this.sortedNanos = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	int count() {
		return this.sortedNanos.length;
	}

	double percentile(double fraction) {
		if (this.sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(fraction * this.sortedNanos.length) - 1;
		return this.sortedNanos[Math.max(0, Math.min(index, this.sortedNanos.length - 1))] / 1_000_000.0;
	}

	double max() {
		return percentile(1.0);
	}

	double mean() {
		return Arrays.stream(this.sortedNanos).average().orElse(Double.NaN) / 1_000_000.0;
	}

	/** p50, p95, p99 and max as table cells. */
	String cells() {
		return String.format("%.2f | %.2f | %.2f | %.2f", percentile(0.50), percentile(0.95), percentile(0.99), max());
	}

}
