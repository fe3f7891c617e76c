package com.ytempire.app;

/**
 * API keys the integration tests configure, one per role.
 */
public final class TestKeys {

	public static final String ADMIN = "admin-key-0123456789abcdef0123";

	public static final String OPERATOR = "operator-key-0123456789abcdef01";

	public static final String VIEWER = "viewer-key-0123456789abcdef0123";

	public static final String CONFIGURATION = "ops:admin:" + ADMIN + ",scheduler:operator:" + OPERATOR
			+ ",dashboard:viewer:" + VIEWER;

	private TestKeys() {
	}

}
