package com.ytempire.render.providers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The server side of one Google resumable upload session: it keeps the bytes it was sent,
 * answers a status query with 308 and the {@code Range} it holds, accepts a resumed
 * {@code PUT} only from exactly where it stopped, and answers the video resource once the
 * file is complete. It can be told to break the first uploads part-way, or to expire.
 */
final class FakeUploadSession implements HttpHandler {

	enum Break {

		/** Closes the connection in the middle of the body. */
		DROP_CONNECTION,

		/** Answers 503 in the middle of the body. */
		SERVER_ERROR,

		/**
		 * Closes the connection in the middle of the body, and the session is gone from
		 * then on: every request, a status query too, is answered 404.
		 */
		EXPIRE

	}

	private static final Pattern RESUME = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

	private final long total;

	private final String videoId;

	private final Break breakage;

	private final int breakAfterBytes;

	private int breaksLeft;

	private boolean expired;

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	/** Each request's {@code Content-Range}, "" where it had none. */
	private final List<String> contentRanges = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	/** Each status query's {@code Content-Length}: Google wants 0. */
	private final List<String> queryLengths = new CopyOnWriteArrayList<>();

	FakeUploadSession(long total, String videoId, Break breakage, int breakAfterBytes, int breaks) {
		this.total = total;
		this.videoId = videoId;
		this.breakage = breakage;
		this.breakAfterBytes = breakAfterBytes;
		this.breaksLeft = breaks;
	}

	@Override
	public synchronized void handle(HttpExchange exchange) throws IOException {
		String range = exchange.getRequestHeaders().getFirst("Content-Range");
		this.contentRanges.add((range == null) ? "" : range);
		this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
		InputStream body = exchange.getRequestBody();
		if (this.expired) {
			body.readAllBytes();
			reply(exchange, 404, "{\"error\": {\"message\": \"Not Found\"}}");
			return;
		}
		if (!"PUT".equals(exchange.getRequestMethod())) {
			reply(exchange, 405, "{}");
			return;
		}
		if (range != null && range.equals("bytes */" + this.total)) {
			this.queryLengths.add(exchange.getRequestHeaders().getFirst("Content-Length"));
			body.readAllBytes();
			answerProgress(exchange);
			return;
		}
		long start = 0;
		if (range != null) {
			Matcher matcher = RESUME.matcher(range);
			if (!matcher.matches() || Long.parseLong(matcher.group(3)) != this.total
					|| Long.parseLong(matcher.group(2)) != this.total - 1) {
				reply(exchange, 400, "{\"error\": {\"message\": \"bad Content-Range " + range + "\"}}");
				return;
			}
			start = Long.parseLong(matcher.group(1));
		}
		if (start != this.received.size()) {
			reply(exchange, 400,
					"{\"error\": {\"message\": \"resumed at " + start + " but holds " + this.received.size() + "\"}}");
			return;
		}
		if (this.breaksLeft > 0) {
			this.breaksLeft--;
			this.received.write(body.readNBytes(this.breakAfterBytes));
			this.expired = this.breakage == Break.EXPIRE;
			if (this.breakage != Break.SERVER_ERROR) {
				// The JDK's server closes the connection of a handler that throws.
				throw new IOException("connection dropped on purpose");
			}
			reply(exchange, 503, "{\"error\": {\"message\": \"Backend Error\"}}");
			return;
		}
		this.received.write(body.readAllBytes());
		answerProgress(exchange);
	}

	long total() {
		return this.total;
	}

	String videoId() {
		return this.videoId;
	}

	synchronized byte[] received() {
		return this.received.toByteArray();
	}

	List<String> contentRanges() {
		return List.copyOf(this.contentRanges);
	}

	List<String> queryLengths() {
		return List.copyOf(this.queryLengths);
	}

	List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	private void answerProgress(HttpExchange exchange) throws IOException {
		if (this.received.size() == this.total) {
			reply(exchange, 201, "{\"kind\": \"youtube#video\", \"id\": \"" + this.videoId
					+ "\", \"status\": {\"uploadStatus\": \"uploaded\"}}");
			return;
		}
		if (this.received.size() > 0) {
			exchange.getResponseHeaders().add("Range", "bytes=0-" + (this.received.size() - 1));
		}
		exchange.sendResponseHeaders(308, -1);
		exchange.close();
	}

	private static void reply(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
