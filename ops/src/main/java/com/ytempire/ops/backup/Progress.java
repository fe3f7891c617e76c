package com.ytempire.ops.backup;

import java.io.PrintWriter;

import com.ytempire.ops.StatusLine;

/**
 * How many events a backup or restore has copied, on its status line:
 * {@code backup: events 1200/5000}.
 */
final class Progress {

	private static final long MINIMUM_STEP = 1000;

	private final StatusLine status;

	private final String label;

	private final long total;

	private final long step;

	private long done;

	private long shown = -1;

	Progress(PrintWriter err, String label, long total) {
		this.status = StatusLine.on(err);
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
		this.status.end();
	}

	private void show() {
		this.status.show(this.label + ": events " + this.done + "/" + this.total);
		this.shown = this.done;
	}

}
