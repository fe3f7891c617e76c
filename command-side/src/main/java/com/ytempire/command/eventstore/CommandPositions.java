package com.ytempire.command.eventstore;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Hands the global position of the last event a command stored back to the thread that
 * sent it, so the API can answer with it (clients pass it on as {@code minPosition} to
 * read their own writes). This works because the command bus handles a command in the
 * sending thread and runs after-commit work before it returns.
 */
@Component
public class CommandPositions {

	private final ThreadLocal<Long> lastCommitted = new ThreadLocal<>();

	void committed(long position) {
		this.lastCommitted.set(position);
	}

	/**
	 * Forgets what an earlier command on this thread stored; call before sending a
	 * command.
	 */
	public void reset() {
		this.lastCommitted.remove();
	}

	/**
	 * The position of the last event the command just handled stored, if it stored any.
	 */
	public Optional<Long> takeLast() {
		Long position = this.lastCommitted.get();
		this.lastCommitted.remove();
		return Optional.ofNullable(position);
	}

}
