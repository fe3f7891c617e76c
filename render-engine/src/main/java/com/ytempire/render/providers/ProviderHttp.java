package com.ytempire.render.providers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.ytempire.render.content.ProviderException;

/**
 * One provider's HTTP calls. Every way a call can fail becomes a
 * {@link ProviderException} that says whether trying again can help; its message names
 * the provider and the status and never a credential, even when the provider echoes one
 * back.
 */
final class ProviderHttp {

	private static final int DETAIL_LIMIT = 300;

	private static final String REDACTED = "[redacted]";

	private final String provider;

	private final HttpClient client;

	private final List<String> secrets;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	ProviderHttp(String provider, Duration connectTimeout, List<String> secrets, Clock clock) {
		this.provider = provider;
		// HTTP/1.1: every provider speaks it, and a resumable upload's byte counts are
		// simplest to reason about on one plain connection.
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.secrets = secrets.stream().filter((secret) -> secret != null && !secret.isBlank()).toList();
		this.clock = clock;
	}

	static URI endpoint(URI base, String pathAndQuery) {
		String root = base.toString();
		return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + pathAndQuery);
	}

	String provider() {
		return this.provider;
	}

	ObjectMapper json() {
		return this.json;
	}

	/** Sends the request and returns its answer only when the status is 2xx. */
	HttpResponse<byte[]> send(HttpRequest request) {
		HttpResponse<byte[]> response = exchange(request);
		if (response.statusCode() / 100 != 2) {
			throw failure(response);
		}
		return response;
	}

	/**
	 * Sends the request and returns any answer; only a call that got no answer throws.
	 */
	HttpResponse<byte[]> exchange(HttpRequest request) {
		try {
			return this.client.send(request, BodyHandlers.ofByteArray());
		}
		catch (HttpTimeoutException ex) {
			String limit = request.timeout().map((timeout) -> " within " + timeout.toMillis() + " ms").orElse("");
			throw ProviderException.retryable(this.provider + " did not answer" + limit, ex);
		}
		catch (IOException ex) {
			throw ProviderException.retryable(this.provider + " could not be reached: " + redact(String.valueOf(ex)),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ProviderException.retryable(this.provider + " call was interrupted", ex);
		}
	}

	/**
	 * What a non-2xx answer means: 408, 429 and 5xx can pass, so they are retryable (with
	 * the wait the provider asked for, when it said); any other status will answer the
	 * same next time.
	 */
	ProviderException failure(HttpResponse<byte[]> response) {
		int status = response.statusCode();
		String message = this.provider + " answered " + status + detail(response.body());
		if (status == 408 || status == 429 || status >= 500) {
			Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After"), this.clock);
			return wait.map((duration) -> ProviderException.rateLimited(message, duration))
				.orElseGet(() -> ProviderException.retryable(message, null));
		}
		return ProviderException.permanent(message, null);
	}

	/** The answer's body as JSON; an answer that is not JSON is a permanent failure. */
	JsonNode parse(byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || node.isMissingNode()) {
				throw malformed("an empty answer");
			}
			return node;
		}
		catch (IOException ex) {
			throw ProviderException.permanent(
					this.provider + " answered malformed JSON: " + snippet(new String(body, StandardCharsets.UTF_8)),
					ex);
		}
	}

	byte[] write(Object body) {
		try {
			return this.json.writeValueAsBytes(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("could not write a request to " + this.provider, ex);
		}
	}

	ProviderException malformed(String what) {
		return ProviderException.permanent(this.provider + " answered " + what, null);
	}

	String redact(String text) {
		String redacted = text;
		for (String secret : this.secrets) {
			redacted = redacted.replace(secret, REDACTED);
		}
		return redacted;
	}

	private String detail(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return text.isEmpty() ? "" : ": " + snippet(errorMessage(text));
	}

	/** Redacted first, then cut, so no cut can leave part of a credential behind. */
	private String snippet(String text) {
		String flat = redact(text).replaceAll("\\s+", " ").strip();
		return flat.length() <= DETAIL_LIMIT ? flat : flat.substring(0, DETAIL_LIMIT) + "…";
	}

	/**
	 * The human part of the error shapes these providers use: {@code error.message}
	 * (OpenAI, Google APIs); {@code error} with {@code error_description} (OAuth) or with
	 * {@code errors} (the Stable Diffusion web UI); {@code detail.message} or
	 * {@code detail} (ElevenLabs, the web UI's request validation).
	 */
	private String errorMessage(String text) {
		JsonNode node;
		try {
			node = this.json.readTree(text);
		}
		catch (IOException ex) {
			return text;
		}
		if (node == null || !node.isObject()) {
			return text;
		}
		JsonNode error = node.path("error");
		if (error.path("message").isTextual()) {
			return error.path("message").asText();
		}
		if (error.isTextual()) {
			String description = node.path("error_description").asText(node.path("errors").asText(""));
			return description.isEmpty() ? error.asText() : error.asText() + " (" + description + ")";
		}
		JsonNode detail = node.path("detail");
		if (detail.path("message").isTextual()) {
			return detail.path("message").asText();
		}
		return detail.isTextual() ? detail.asText() : text;
	}

}
