package com.ytempire.projections.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Small JDBC helpers the folds share.
 */
public final class Rows {

	private Rows() {
	}

	/**
	 * Loads the rows of the given keys in one statement; the SQL takes the keys as one
	 * array parameter ({@code WHERE id = ANY (?)}).
	 */
	public static <T> List<T> byKeys(JdbcTemplate jdbc, String sql, Collection<String> keys, RowMapper<T> mapper) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return jdbc.query(sql, (statement) -> statement.setArray(1,
				statement.getConnection().createArrayOf("varchar", keys.toArray(String[]::new))), mapper);
	}

	/**
	 * Runs one statement for many rows. Text is cleaned of NUL characters first: events
	 * may carry them (JSON allows them), PostgreSQL text does not, and one such event
	 * must not stop a projection for good.
	 */
	public static void write(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (row[i] instanceof String text && text.indexOf('\0') >= 0) {
					row[i] = text.replace("\0", "");
				}
			}
		}
		jdbc.batchUpdate(sql, rows);
	}

	public static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	public static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	public static OffsetDateTime minute(Instant instant) {
		return utc(instant.truncatedTo(ChronoUnit.MINUTES));
	}

}
