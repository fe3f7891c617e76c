package com.ytempire.render.providers;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Short-lived OAuth access tokens from the configured refresh token, kept until a minute
 * before they expire. A refused grant (revoked, or the wrong client) is permanent: only
 * the channel's owner can grant again.
 */
final class GoogleAccessTokens {

	private static final Duration EARLY = Duration.ofMinutes(1);

	private static final long DEFAULT_LIFETIME_SECONDS = 3600;

	private final YouTubeSettings settings;

	private final ProviderHttp http;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	GoogleAccessTokens(YouTubeSettings settings, Clock clock) {
		this.settings = settings;
		this.http = new ProviderHttp("Google OAuth", settings.timeout(),
				List.of(settings.clientSecret(), settings.refreshToken()), clock);
		this.clock = clock;
	}

	synchronized String current() {
		if (this.token == null || !this.clock.instant().isBefore(this.renewAt)) {
			Instant asked = this.clock.instant();
			JsonNode answer = this.http.parse(this.http.send(refresh()).body());
			if (!answer.path("access_token").isTextual() || answer.path("access_token").asText().isBlank()) {
				throw this.http.malformed("no access token");
			}
			long lifetime = answer.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
			this.token = answer.path("access_token").asText();
			this.renewAt = asked.plusSeconds(lifetime).minus(EARLY);
		}
		return this.token;
	}

	private HttpRequest refresh() {
		Map<String, String> form = Map.of("grant_type", "refresh_token", "client_id", this.settings.clientId(),
				"client_secret", this.settings.clientSecret(), "refresh_token", this.settings.refreshToken());
		String body = form.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(ProviderHttp.endpoint(this.settings.oauthBaseUrl(), "/token"))
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body))
			.build();
	}

}
