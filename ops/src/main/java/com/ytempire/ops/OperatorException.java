package com.ytempire.ops;

/**
 * A command could not do what was asked, for a reason the operator can act on; the
 * message says which.
 */
public class OperatorException extends RuntimeException {

	public OperatorException(String message) {
		super(message);
	}

	public OperatorException(String message, Throwable cause) {
		super(message, cause);
	}

}
