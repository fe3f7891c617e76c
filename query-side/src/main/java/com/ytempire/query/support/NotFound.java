package com.ytempire.query.support;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A read model has no row for the id asked for: 404 as a problem. */
public class NotFound extends ResponseStatusException {

	public NotFound(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
