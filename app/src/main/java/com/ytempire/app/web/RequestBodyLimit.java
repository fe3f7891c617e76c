package com.ytempire.app.web;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads every request body before anything answers, up to the size limit, and refuses a
 * larger one with 413 on every route, also on those whose handler never reads a body (the
 * JSON decoder's own limit only guards the routes that decode one), and whether its
 * length was declared or it came in chunks. Read first because an answer given while the
 * client is still sending (the request firewall's, the security filters') reaches it as a
 * reset connection instead: the server closes a connection with unread data. A body over
 * the limit is read and thrown away up to a bound.
 */
@Component
class RequestBodyLimit implements WebFilter, Ordered {

	/**
	 * How much of an oversized body is read and thrown away before the 413 goes out: a
	 * client still sending when the server answers and closes sees a broken connection,
	 * not the answer. Past this the connection is closed unread.
	 */
	private static final long DRAIN_LIMIT = 4 * 1024 * 1024;

	private final int maxBytes;

	private final ProblemWriter problems;

	RequestBodyLimit(@Value("${spring.http.codecs.max-in-memory-size:64KB}") DataSize limit, ProblemWriter problems) {
		this.maxBytes = (int) limit.toBytes();
		this.problems = problems;
	}

	/**
	 * Before security: the request firewall refuses some requests (an unknown method)
	 * without reading them, and an oversized body still in flight would turn that answer
	 * into a broken connection.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		long length = headers.getContentLength();
		if (length == 0 || length < 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		AtomicLong read = new AtomicLong();
		return request.getBody()
			.takeWhile((buffer) -> read.get() <= DRAIN_LIMIT)
			.reduce(new Body(this.maxBytes), (body, buffer) -> body.add(buffer, read))
			.defaultIfEmpty(new Body(this.maxBytes))
			.flatMap((body) -> body.tooLarge() ? tooLarge(exchange)
					: chain.filter(exchange.mutate().request(withBody(request, body.bytes())).build()));
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return this.problems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + this.maxBytes + " bytes, the most this service accepts");
	}

	private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
		return new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
			}
		};
	}

	/**
	 * A body read chunk by chunk onto the heap (a pooled buffer that a handler never
	 * reads would never be freed), or only counted once it is over the limit.
	 */
	private static final class Body {

		private final int maxBytes;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private boolean tooLarge;

		Body(int maxBytes) {
			this.maxBytes = maxBytes;
		}

		Body add(DataBuffer buffer, AtomicLong read) {
			try {
				int size = buffer.readableByteCount();
				read.addAndGet(size);
				if (!this.tooLarge && this.bytes.size() + size <= this.maxBytes) {
					byte[] chunk = new byte[size];
					buffer.read(chunk);
					this.bytes.writeBytes(chunk);
				}
				else {
					this.tooLarge = true;
					this.bytes.reset();
				}
				return this;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		boolean tooLarge() {
			return this.tooLarge;
		}

		byte[] bytes() {
			return this.bytes.toByteArray();
		}

	}

}
