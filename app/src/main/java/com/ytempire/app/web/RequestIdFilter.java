package com.ytempire.app.web;

import java.util.UUID;
import java.util.regex.Pattern;

import com.ytempire.api.audit.AuditMetaData;
import org.slf4j.MDC;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an id that its response, its log lines and the events it causes
 * share. A client's {@code X-Request-Id} is kept when it is short and plain, so that a
 * proxy's or caller's id can be followed here too; anything else (it may be an attempt to
 * forge log lines) is replaced by a new id.
 * <p>
 * WebFlux binds no thread to a request, so the id travels in three places: the exchange
 * (for code that has it), the Reactor context (for code that runs later, such as the
 * command threads), and the logging context of the thread that handles the request while
 * it runs synchronously, which covers the filters, authentication and the controllers.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

	public static final String HEADER = "X-Request-Id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	/** The request's id, for code that has its exchange. */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(AuditMetaData.REQUEST_ID);
	}

	@Override
	public int getOrder() {
		// Before every other filter, so that their log lines and answers carry the id.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (presented != null && SANE.matcher(presented).matches()) ? presented : UUID.randomUUID().toString();
		exchange.getAttributes().put(AuditMetaData.REQUEST_ID, id);
		exchange.getResponse().getHeaders().set(HEADER, id);
		Mono<Void> handling = chain.filter(exchange).contextWrite(Context.of(AuditMetaData.REQUEST_ID, id));
		return new MonoOperator<Void, Void>(handling) {
			@Override
			public void subscribe(CoreSubscriber<? super Void> actual) {
				try (MDC.MDCCloseable scope = MDC.putCloseable(AuditMetaData.REQUEST_ID, id)) {
					this.source.subscribe(actual);
				}
			}
		};
	}

}
