package com.ytempire.query.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A read-model query built from trusted SQL fragments and bound values: filters, a sort
 * and keyset pagination. Pages continue after the last row's (sort value, id) so a page
 * costs the same wherever it starts, and rows inserted meanwhile neither repeat nor
 * vanish.
 */
public final class Select {

	private final String columnsAndTable;

	private final String idColumn;

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> values = new LinkedHashMap<>();

	private Sort sort;

	private boolean descending;

	private Integer limit;

	public Select(String columnsAndTable, String idColumn) {
		this.columnsAndTable = columnsAndTable;
		this.idColumn = idColumn;
	}

	/** A condition with one bound value, named {@code :name} in the fragment. */
	public Select where(String fragment, String name, Object value) {
		if (value != null) {
			this.conditions.add(fragment);
			this.values.put(name, value);
		}
		return this;
	}

	public Select orderBy(Sort sort, boolean descending) {
		this.sort = sort;
		this.descending = descending;
		return this;
	}

	/** Continues after the row a cursor of an earlier page names. */
	public Select after(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return this;
		}
		String[] parts = decode(cursor);
		if (!parts[0].equals(this.sort.name()) || !parts[1].equals(this.descending ? "desc" : "asc")) {
			throw new BadQuery("'cursor' belongs to another sort order; start again without it");
		}
		this.conditions.add("(" + this.sort.expression() + ", " + this.idColumn + ") " + (this.descending ? "<" : ">")
				+ " (CAST(:cursorValue AS " + this.sort.sqlType() + "), :cursorId)");
		this.values.put("cursorValue", parts[2]);
		this.values.put("cursorId", parts[3]);
		return this;
	}

	public Select limit(int limit) {
		this.limit = limit;
		return this;
	}

	public String sql() {
		StringBuilder sql = new StringBuilder("SELECT ").append(this.columnsAndTable);
		if (!this.conditions.isEmpty()) {
			sql.append(" WHERE ").append(String.join(" AND ", this.conditions));
		}
		if (this.sort != null) {
			String direction = this.descending ? " DESC" : " ASC";
			sql.append(" ORDER BY ")
				.append(this.sort.expression())
				.append(direction)
				.append(", ")
				.append(this.idColumn)
				.append(direction);
		}
		if (this.limit != null) {
			sql.append(" LIMIT ").append(this.limit);
		}
		return sql.toString();
	}

	public Flux<Map<String, Object>> fetch(DatabaseClient database) {
		DatabaseClient.GenericExecuteSpec spec = database.sql(sql());
		for (Map.Entry<String, Object> value : this.values.entrySet()) {
			spec = spec.bind(value.getKey(), value.getValue());
		}
		return spec.map((row, metadata) -> RowMaps.of(row)).all();
	}

	/** The cursor of the page after the one that ended with this row. */
	public String cursorAfter(Map<String, Object> lastRow, String idField) {
		String text = this.sort.name() + "\n" + (this.descending ? "desc" : "asc") + "\n"
				+ lastRow.get(this.sort.field()) + "\n" + lastRow.get(idField);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String[] decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
				.split("\n", -1);
			if (parts.length == 4) {
				return parts;
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw new BadQuery("'cursor' is not a cursor this API returned");
	}

	/**
	 * A sort order a list offers.
	 *
	 * @param name the value of the {@code sort} parameter
	 * @param expression the SQL it orders by
	 * @param sqlType the SQL type a cursor's value is cast to
	 * @param field the row field holding the value
	 */
	public record Sort(String name, String expression, String sqlType, String field) {
	}

}
