package com.ytempire.query.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Parses query parameters into values, answering 400 with a readable message when they
 * are malformed, so a bad parameter never turns into a server error.
 */
public final class Params {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	private Params() {
	}

	public static Instant instant(String name, String value, Instant fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadQuery("'" + name + "' must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
		}
	}

	public static int limit(Integer value) {
		if (value == null) {
			return DEFAULT_LIMIT;
		}
		if (value < 1 || value > MAX_LIMIT) {
			throw new BadQuery("'limit' must be between 1 and " + MAX_LIMIT);
		}
		return value;
	}

	public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new BadQuery("'" + name + "' must be one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

	public static <T> T choice(String name, String value, String fallback, Function<String, T> lookup,
			String... allowed) {
		String chosen = (value == null || value.isBlank()) ? fallback : value.strip();
		for (String candidate : allowed) {
			if (candidate.equalsIgnoreCase(chosen)) {
				return lookup.apply(candidate);
			}
		}
		throw new BadQuery("'" + name + "' must be one of " + String.join(", ", allowed));
	}

	public static void range(Instant from, Instant to) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new BadQuery("'from' must be before 'to'");
		}
	}

}
