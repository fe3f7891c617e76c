package com.ytempire.ops;

import java.io.Console;
import java.io.PrintWriter;

/**
 * A command's progress on the error stream: on a terminal one line rewritten in place;
 * elsewhere, in a log or a pipe, a plain line for each new status, never carriage
 * returns.
 */
public final class StatusLine {

	private final PrintWriter err;

	private final boolean redraw;

	private String last;

	StatusLine(PrintWriter err, boolean redraw) {
		this.err = err;
		this.redraw = redraw;
	}

	public static StatusLine on(PrintWriter err) {
		return new StatusLine(err, onTerminal());
	}

	// Java 17 has a console only when the process is attached to a terminal; from Java
	// 22 there may be one in a pipe too, and its isTerminal() tells.
	static boolean onTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	public void show(String status) {
		if (this.redraw) {
			// Blanks over what is left of a longer line before.
			int width = (this.last != null) ? this.last.length() : 0;
			this.err.print("\r" + status + " ".repeat(Math.max(0, width - status.length())));
		}
		else if (!status.equals(this.last)) {
			// A poll that found nothing new adds no line to a log.
			this.err.println(status);
		}
		this.last = status;
		this.err.flush();
	}

	/**
	 * Ends the line rewritten in place, so that what follows starts a line of its own.
	 */
	public void end() {
		if (this.redraw && this.last != null) {
			this.err.println();
			this.err.flush();
		}
	}

}
