package com.ytempire.command;

/**
 * A command that the domain refuses, with a message written for the person who sent it.
 */
public class CommandRejectedException extends RuntimeException {

	private final Reason reason;

	public CommandRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	public enum Reason {

		/** The command is well formed but its values break a rule (422). */
		INVALID,

		/** The command does not fit the current state of the aggregate (409). */
		CONFLICT,

		/** The command refers to something that does not exist (404). */
		NOT_FOUND

	}

	public static CommandRejectedException invalid(String message) {
		return new CommandRejectedException(Reason.INVALID, message);
	}

	public static CommandRejectedException conflict(String message) {
		return new CommandRejectedException(Reason.CONFLICT, message);
	}

	public static CommandRejectedException notFound(String message) {
		return new CommandRejectedException(Reason.NOT_FOUND, message);
	}

}
