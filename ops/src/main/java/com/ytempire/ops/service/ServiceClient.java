package com.ytempire.ops.service;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytempire.ops.OperatorException;

/**
 * The running service's admin API, for commands that act through the service rather than
 * on its database: the service owns its projections while it runs.
 */
public final class ServiceClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final URI base;

	private final String apiKey;

	public ServiceClient(URI base, String apiKey) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new OperatorException("no API key: set YTEMPIRE_API_KEY to a key of the service");
		}
		this.base = base;
		this.apiKey = apiKey;
	}

	public JsonNode post(String path) {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	public JsonNode get(String path) {
		return send(request(path).GET().build());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Accept", "application/json");
	}

	private JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
			if (response.statusCode() >= 400) {
				throw new OperatorException("the service answered " + response.statusCode() + " to " + request.method()
						+ " " + request.uri().getPath() + ": " + body.path("detail").asText(response.body()));
			}
			return body;
		}
		catch (ConnectException ex) {
			throw new OperatorException("no service answers at " + this.base + ": is it running?", ex);
		}
		catch (IOException ex) {
			throw new OperatorException("talking to the service at " + this.base + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OperatorException("interrupted while waiting for the service", ex);
		}
	}

}
