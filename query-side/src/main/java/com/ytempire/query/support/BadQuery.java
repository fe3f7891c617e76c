package com.ytempire.query.support;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A query parameter that cannot be answered; the caller gets 400 with this message as a
 * problem.
 */
public class BadQuery extends ResponseStatusException {

	public BadQuery(String message) {
		super(HttpStatus.BAD_REQUEST, message);
	}

}
