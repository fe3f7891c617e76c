package com.ytempire.ops.backup;

import java.io.PrintWriter;

/**
 * One line on the error stream, rewritten in place: {@code backup: events 1200/5000}.
 */
final class Progress {

	private static final long MINIMUM_STEP = 1000;

	private final PrintWriter err;

	private final String label;

	private final long total;

	private final long step;

	private long done;

	private long shown = -1;

	Progress(PrintWriter err, String label, long total) {
		this.err = err;
		this.label = label;
		this.total = total;
		this.step = Math.max(MINIMUM_STEP, total / 100);
	}

	void add(long rows) {
		this.done += rows;
		if (this.done - this.shown >= this.step) {
			show();
		}
	}

	void finish() {
		if (this.shown != this.done) {
			show();
		}
		this.err.println();
		this.err.flush();
	}

	private void show() {
		this.err.print("\r" + this.label + ": events " + this.done + "/" + this.total);
		this.err.flush();
		this.shown = this.done;
	}

}
