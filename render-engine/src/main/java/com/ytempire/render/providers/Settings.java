package com.ytempire.render.providers;

import java.time.Duration;

/** Checks shared by the settings records, and how they print a credential: never. */
final class Settings {

	private Settings() {
	}

	static String secret(String secret) {
		return (secret == null || secret.isBlank()) ? "(not set)" : "(set)";
	}

	static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
	}

	static void requireNonNegative(long price, String name) {
		if (price < 0) {
			throw new IllegalArgumentException(name + " cannot be negative, got " + price);
		}
	}

	static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must be set");
		}
	}

}
