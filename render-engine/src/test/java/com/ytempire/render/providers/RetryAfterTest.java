package com.ytempire.render.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsSeconds() {
		assertThat(RetryAfter.parse(Optional.of(" 120 "), this.clock)).contains(Duration.ofSeconds(120));
	}

	@Test
	void readsAnHttpDateAsTheWaitUntilThen() {
		assertThat(RetryAfter.parse(Optional.of("Sun, 01 Mar 2026 10:01:30 GMT"), this.clock))
			.contains(Duration.ofSeconds(90));
		assertThat(RetryAfter.parse(Optional.of("Sun, 01 Mar 2026 09:00:00 GMT"), this.clock)).contains(Duration.ZERO);
	}

	@Test
	void ignoresWhatItCannotRead() {
		assertThat(RetryAfter.parse(Optional.of("soon"), this.clock)).isEmpty();
		assertThat(RetryAfter.parse(Optional.of("-5"), this.clock)).isEmpty();
		assertThat(RetryAfter.parse(Optional.empty(), this.clock)).isEmpty();
	}

}
