package com.ytempire.app.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param origins the browser origins (scheme, host and port, as
 * {@code https://dashboard.example.com}) whose pages may call the API; from
 * {@code YTEMPIRE_CORS_ORIGINS}, separated by commas. Empty: no other origin may.
 */
@ConfigurationProperties("ytempire.cors")
public record CorsProperties(List<String> origins) {

	public CorsProperties {
		origins = (origins != null) ? origins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList()
				: List.of();
	}

}
