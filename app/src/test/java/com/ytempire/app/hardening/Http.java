package com.ytempire.app.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A plain HTTP/1.1 client for hostile requests: any method, any header, raw bytes, bodies
 * with or without a length. A live feed's answer is read up to its headers and closed.
 */
final class Http {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final int MAX_BODY = 64 * 1024;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final int port;

	Http(int port) {
		this.port = port;
	}

	/**
	 * A request to send; a {@code null} key sends none, a {@code null} body sends none.
	 */
	record Call(String method, String rawPath, String key, Map<String, String> headers, byte[] body, boolean chunked) {

		static Call of(String method, String rawPath, String key) {
			return new Call(method, rawPath, key, Map.of(), null, false);
		}

		Call json(String json) {
			return new Call(this.method, this.rawPath, this.key, Map.of("Content-Type", "application/json"),
					json.getBytes(StandardCharsets.UTF_8), this.chunked);
		}

		Call withBody(byte[] body, Map<String, String> headers, boolean chunked) {
			return new Call(this.method, this.rawPath, this.key, headers, body, chunked);
		}

		@Override
		public String toString() {
			String shown = (this.body == null) ? ""
					: " body " + this.body.length + " bytes" + (this.chunked ? " chunked" : "") + ": "
							+ new String(this.body, 0, Math.min(this.body.length, 120), StandardCharsets.UTF_8);
			return this.method + " " + this.rawPath + " key=" + this.key + " " + this.headers + shown;
		}

	}

	/** What came back; {@code body} is at most the first 64 KB. */
	record Answer(int status, String contentType, String retryAfter, String body, Map<String, List<String>> headers) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

	Answer send(Call call) throws IOException, InterruptedException {
		try {
			return sendAsync(call).join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw ex;
		}
	}

	CompletableFuture<Answer> sendAsync(Call call) {
		URI uri;
		try {
			uri = URI.create("http://127.0.0.1:" + this.port + call.rawPath());
		}
		catch (IllegalArgumentException notAUri) {
			return CompletableFuture.supplyAsync(() -> RawHttp.send(this.port, call));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
		if (call.key() != null) {
			request.header("Authorization", "Bearer " + call.key());
		}
		call.headers().forEach(request::header);
		HttpRequest.BodyPublisher body;
		if (call.body() == null) {
			body = HttpRequest.BodyPublishers.noBody();
		}
		else if (call.chunked()) {
			byte[] bytes = call.body();
			body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
		}
		else {
			body = HttpRequest.BodyPublishers.ofByteArray(call.body());
		}
		request.method(call.method(), body);
		return this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).thenApply(Http::read);
	}

	private static Answer read(HttpResponse<InputStream> response) {
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		String text = "";
		try (InputStream in = response.body()) {
			if (!contentType.startsWith("text/event-stream")) {
				text = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			text = "<body not read: " + ex.getMessage() + ">";
		}
		return new Answer(response.statusCode(), contentType, response.headers().firstValue("Retry-After").orElse(null),
				text, response.headers().map());
	}

}
