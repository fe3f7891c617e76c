package com.ytempire.render.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test does when a program it runs (from a Debian package) is missing. On a
 * workstation the test is skipped with a message. On CI ({@code CI=true}), which installs
 * every such package, it fails: a skipped test there would hide a broken installation. It
 * lives in the render engine's test jar because that is the one the application's tests
 * already use.
 */
public final class RequiredTool {

	private RequiredTool() {
	}

	/**
	 * @param installed whether the program can be run here
	 * @param tool the program and the Debian package that brings it, for the message
	 */
	public static void assumeInstalled(boolean installed, String tool) {
		if (!installed) {
			assertThat(onCi()).as(tool + " is required in CI").isFalse();
			assumeTrue(false, tool + " is not installed: skipped");
		}
	}

	private static boolean onCi() {
		return Boolean.parseBoolean(System.getenv("CI"));
	}

}
