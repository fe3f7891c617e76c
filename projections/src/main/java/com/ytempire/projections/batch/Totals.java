package com.ytempire.projections.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums of a batch per key, written with one additive upsert per key. Keys are kept sorted
 * so concurrent batches lock shared rows in the same order and cannot deadlock.
 *
 * @param <K> the key, compared in the order rows are locked
 */
public final class Totals<K extends Comparable<K>> {

	private final Map<K, long[]> sums = new TreeMap<>();

	private final int width;

	public Totals(int width) {
		this.width = width;
	}

	public void add(K key, long... amounts) {
		long[] sum = this.sums.computeIfAbsent(key, (k) -> new long[this.width]);
		for (int i = 0; i < amounts.length; i++) {
			sum[i] += amounts[i];
		}
	}

	/** One row of parameters per key: the key's columns, then the sums. */
	public List<Object[]> rows(java.util.function.Function<K, Object[]> keyColumns) {
		List<Object[]> rows = new ArrayList<>(this.sums.size());
		this.sums.forEach((key, sum) -> {
			Object[] columns = keyColumns.apply(key);
			Object[] row = new Object[columns.length + sum.length];
			System.arraycopy(columns, 0, row, 0, columns.length);
			for (int i = 0; i < sum.length; i++) {
				row[columns.length + i] = sum[i];
			}
			rows.add(row);
		});
		return rows;
	}

}
