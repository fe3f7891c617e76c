package com.ytempire.app.hardening;

import com.ytempire.app.TestKeys;

/**
 * The integration tests' keys as the service's configuration writes them, for the tests
 * here that start an application with settings of their own.
 */
final class HardeningKeys {

	static final String CONFIGURATION = "ops:admin:" + TestKeys.ADMIN + ",scheduler:operator:" + TestKeys.OPERATOR
			+ ",dashboard:viewer:" + TestKeys.VIEWER;

	private HardeningKeys() {
	}

}
