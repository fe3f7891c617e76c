package com.ytempire.render.providers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider's API on loopback: the JDK's HTTP server, answering each path as a test
 * scripts it and keeping every request it was sent.
 */
final class FakeServer implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** Released on close, so a handler that never answers does not outlive its test. */
	private final CountDownLatch closed = new CountDownLatch(1);

	private FakeServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	static FakeServer start() throws IOException {
		return new FakeServer();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Answers every request under the path with what the responder returns. */
	void on(String path, Responder responder) {
		this.server.createContext(path, (exchange) -> {
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
					exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
			this.requests.add(request);
			responder.respond(request).sendTo(exchange);
		});
	}

	/** Full control of the exchange, for answers that stop half-way. */
	void onRaw(String path, HttpHandler handler) {
		this.server.createContext(path, handler);
	}

	/** Reads the request and never answers. */
	void silentOn(String path) {
		this.server.createContext(path, (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			try {
				this.closed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	Request onlyRequest() {
		if (this.requests.size() != 1) {
			throw new AssertionError("expected one request, got " + this.requests.size());
		}
		return this.requests.get(0);
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	interface Responder {

		Reply respond(Request request) throws IOException;

	}

	record Request(String method, URI uri, Headers headers, byte[] body) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		JsonNode json() throws IOException {
			return JSON.readTree(this.body);
		}

	}

	record Reply(int status, Map<String, String> headers, byte[] body) {

		static Reply json(int status, String json) {
			return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
		}

		static Reply bytes(String contentType, byte[] body) {
			return new Reply(200, Map.of("Content-Type", contentType), body);
		}

		static Reply status(int status, Map<String, String> headers) {
			return new Reply(status, headers, new byte[0]);
		}

		void sendTo(HttpExchange exchange) throws IOException {
			this.headers.forEach(exchange.getResponseHeaders()::add);
			exchange.sendResponseHeaders(this.status, (this.body.length == 0) ? -1 : this.body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(this.body);
			}
		}

	}

}
