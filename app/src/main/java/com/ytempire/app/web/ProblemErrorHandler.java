package com.ytempire.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The last word on a failure no controller advice answered, or whose problem could not be
 * written in a format the client accepts: an RFC 7807 problem whatever the {@code Accept}
 * header says, never Spring Boot's error attributes. Runs before Boot's own handler.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final ProblemWriter problems;

	ProblemErrorHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatus status = (ex instanceof ErrorResponse error) ? HttpStatus.resolve(error.getStatusCode().value())
				: null;
		if (status == null || status.is5xxServerError()) {
			log.error("Request failed unexpectedly", ex);
			status = (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
			return this.problems.write(exchange.getResponse(), status,
					"The service could not handle this request; it has been logged");
		}
		if (ex instanceof ErrorResponse error) {
			exchange.getResponse().getHeaders().putAll(error.getHeaders());
		}
		return this.problems.write(exchange.getResponse(), status,
				"The request was refused: " + status.getReasonPhrase());
	}

}
