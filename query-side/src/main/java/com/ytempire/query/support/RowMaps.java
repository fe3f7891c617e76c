package com.ytempire.query.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.ReadableMetadata;
import io.r2dbc.spi.Row;

/**
 * Turns a database row into an ordered map with camel-case keys and JSON-friendly values
 * (instants as ISO strings), the shape every list, detail and export answers with.
 */
public final class RowMaps {

	private RowMaps() {
	}

	public static Map<String, Object> of(Row row) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (ReadableMetadata column : row.getMetadata().getColumnMetadatas()) {
			map.put(camel(column.getName()), value(row, column.getName()));
		}
		return map;
	}

	private static Object value(Readable row, String column) {
		Object value = row.get(column);
		if (value instanceof OffsetDateTime time) {
			return time.toInstant().toString();
		}
		if (value instanceof LocalDate day) {
			return day.toString();
		}
		return value;
	}

	static String camel(String column) {
		StringBuilder name = new StringBuilder(column.length());
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
