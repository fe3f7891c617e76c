package com.ytempire.app.web;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import io.r2dbc.spi.R2dbcTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers every request the framework cannot take with an RFC 7807 problem that says what
 * was wrong with it, and never with a stack trace. Unexpected failures are logged and
 * answered without detail.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		String detail = ex.getFieldErrors()
			.stream()
			.map(ProblemResponses::describe)
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				detail.isEmpty() ? "The request is not valid" : detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", ex.getFieldErrors().stream().map(ProblemResponses::describe).sorted().toList());
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (causedBy(ex, DataBufferLimitException.class)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than this endpoint accepts");
			return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, exchange);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describeInput(ex));
		problem.setTitle("Unreadable request");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	/**
	 * The database did not answer in time or could not be reached: nothing the caller did
	 * wrong, and worth a retry shortly.
	 */
	@ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
			R2dbcTransientException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		log.warn("Database unavailable for a request: {}", ex.getMessage());
		return unavailable("The database did not answer in time; try again shortly");
	}

	/** Every command thread is busy and the queue is full: the service sheds the load. */
	@ExceptionHandler(RejectedExecutionException.class)
	ResponseEntity<ProblemDetail> overloaded(RejectedExecutionException ex) {
		log.warn("Command refused, the service is at capacity: {}", ex.getMessage());
		return unavailable("The service is handling as many commands as it can; try again shortly");
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Temporarily unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Request failed unexpectedly", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service could not handle this request; it has been logged");
		problem.setTitle("Internal error");
		return problem;
	}

	private static String describe(FieldError error) {
		return error.getField() + ": " + error.getDefaultMessage();
	}

	private static String describeInput(ServerWebInputException ex) {
		UnrecognizedPropertyException unknown = cause(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return "Unknown field '" + unknown.getPropertyName() + "'";
		}
		if (cause(ex, StreamReadException.class) != null) {
			return "The request body is not valid JSON";
		}
		JacksonException json = cause(ex, JacksonException.class);
		if (json != null) {
			String field = path(json.getPath());
			return field.isEmpty() ? "The request body does not have the expected shape"
					: "Field '" + field + "' has a value of the wrong type or format";
		}
		if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null
				&& ex.getReason() != null && ex.getReason().contains("body")) {
			return "The request needs a JSON body";
		}
		return (ex.getReason() != null) ? ex.getReason() : "The request could not be read";
	}

	private static String path(List<JacksonException.Reference> references) {
		return references.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		return cause(ex, type) != null;
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

}
