package com.ytempire.render.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code Retry-After} header (RFC 9110): whole seconds, or the date after which to
 * try again.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static Optional<Duration> parse(Optional<String> header, Clock clock) {
		return header.map(String::strip).flatMap((value) -> parse(value, clock));
	}

	private static Optional<Duration> parse(String value, Clock clock) {
		if (value.matches("\\d{1,9}")) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
		}
		try {
			ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), when.toInstant());
			return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
