package com.ytempire.ops.doctor;

/** What one check of {@code doctor} found. */
record Finding(Verdict verdict, String subject, String detail) {

	enum Verdict {

		OK, WARN, FAIL

	}

	static Finding ok(String subject, String detail) {
		return new Finding(Verdict.OK, subject, detail);
	}

	static Finding warn(String subject, String detail) {
		return new Finding(Verdict.WARN, subject, detail);
	}

	static Finding fail(String subject, String detail) {
		return new Finding(Verdict.FAIL, subject, detail);
	}

	String line() {
		return String.format("%-4s  %s: %s", this.verdict, this.subject, this.detail);
	}

}
