package com.ytempire.ops;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusLineTest {

	private final StringWriter err = new StringWriter();

	@Test
	void aTerminalSeesOneLineRewrittenInPlace() {
		StatusLine status = new StatusLine(new PrintWriter(this.err), true);
		status.show("backup: events 1000/20000");
		status.show("backup: events 20000/20000");
		status.show("done");
		status.end();
		assertThat(this.err.toString()).isEqualTo("\rbackup: events 1000/20000\rbackup: events 20000/20000"
				+ "\rdone                      " + System.lineSeparator());
	}

	@Test
	void aLogSeesPlainLinesAndNoRepeats() {
		StatusLine status = new StatusLine(new PrintWriter(this.err), false);
		status.show("drill: 1/3 live projections at position 9");
		status.show("drill: 1/3 live projections at position 9");
		status.show("drill: 3/3 live projections at position 9");
		status.end();
		assertThat(this.err.toString()).doesNotContain("\r")
			.isEqualTo("drill: 1/3 live projections at position 9" + System.lineSeparator()
					+ "drill: 3/3 live projections at position 9" + System.lineSeparator());
	}

	@Test
	void aTerminalThatSawNoStatusGetsNoEmptyLine() {
		new StatusLine(new PrintWriter(this.err), true).end();
		assertThat(this.err.toString()).isEmpty();
	}

}
