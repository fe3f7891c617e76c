package com.ytempire.command.web;

import com.ytempire.command.CommandRejectedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the ways a command can be refused into RFC 7807 problems a person can act on.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

	@ExceptionHandler
	ProblemDetail rejected(CommandRejectedException ex) {
		HttpStatus status = switch (ex.reason()) {
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CONFLICT -> HttpStatus.CONFLICT;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
		};
		return problem(status, "Command rejected", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(AggregateNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "Nothing with id " + ex.getAggregateIdentifier() + " exists");
	}

	/**
	 * The id names an aggregate of another kind (a video's id where a channel's is
	 * expected): for this route nothing with that id exists.
	 */
	@ExceptionHandler
	ProblemDetail otherKind(IncompatibleAggregateException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "Nothing of this kind exists with that id");
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(ConcurrencyException ex) {
		return problem(HttpStatus.CONFLICT, "Concurrent change",
				"Another change to the same item was stored at the same moment; send the request again");
	}

	@ExceptionHandler
	ProblemDetail keyReused(IdempotencyKeyReusedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
