package com.ytempire.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKeys keys as {@code name:role:secret}, separated by commas or semicolons;
 * from the environment ({@code YTEMPIRE_API_KEYS}), never from files in the repository
 */
@ConfigurationProperties("ytempire.security")
public record SecurityProperties(String apiKeys) {

	/** Short secrets can be guessed; anything under this is refused at start-up. */
	static final int MIN_SECRET_LENGTH = 24;

	List<ApiKey> parsedKeys() {
		List<ApiKey> keys = new ArrayList<>();
		if (this.apiKeys == null || this.apiKeys.isBlank()) {
			return keys;
		}
		for (String entry : this.apiKeys.split("[,;]")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] parts = entry.strip().split(":", 3);
			if (parts.length != 3) {
				throw new IllegalArgumentException(
						"Each API key must be written as name:role:secret (an entry has " + parts.length + " parts)");
			}
			Role role;
			try {
				role = Role.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("API key '" + parts[0] + "' has an unknown role '" + parts[1]
						+ "'; use viewer, operator or admin", ex);
			}
			if (parts[2].strip().length() < MIN_SECRET_LENGTH) {
				throw new IllegalArgumentException("API key '" + parts[0] + "' is shorter than " + MIN_SECRET_LENGTH
						+ " characters; generate a longer one (for example: openssl rand -hex 32)");
			}
			keys.add(new ApiKey(parts[0].strip(), role, parts[2].strip()));
		}
		return keys;
	}

}
