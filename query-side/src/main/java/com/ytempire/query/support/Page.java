package com.ytempire.query.support;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One page of a list and the cursor of the next one (absent on the last page).
 */
public record Page(List<Map<String, Object>> items, String nextCursor) {

	/**
	 * Reads one row more than asked to learn, without a count, whether a next page
	 * exists.
	 */
	public static Mono<Page> of(Select select, int limit, DatabaseClient database, String idField) {
		return select.limit(limit + 1).fetch(database).collectList().map((rows) -> {
			if (rows.size() <= limit) {
				return new Page(rows, null);
			}
			List<Map<String, Object>> page = rows.subList(0, limit);
			return new Page(List.copyOf(page), select.cursorAfter(page.get(limit - 1), idField));
		});
	}

}
