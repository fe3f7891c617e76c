package com.ytempire.app.operator;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.backup.OperatorRun;
import com.ytempire.ops.OperatorDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ytempire rebuild} drives the running application's zero-downtime rebuild. */
@IntegrationTest
class RebuildCommandTest {

	@LocalServerPort
	int port;

	@Test
	void rebuildsAProjectionAndReportsTheComparison() {
		Api.at(this.port, TestKeys.OPERATOR).createChannel("Rebuilt " + System.nanoTime(), 1);

		OperatorRun rebuild = rebuild("videos", "--api-key", TestKeys.ADMIN);

		assertThat(rebuild.status()).as(rebuild.toString()).isZero();
		assertThat(rebuild.err()).contains("rebuild of [\"videos\"] started");
		assertThat(rebuild.out())
			.containsPattern("rebuild DONE: \\d+ events replayed into \\[\"videos\"\\]; \\d+ tables"
					+ " compared, 0 differed from the live ones before the swap");
	}

	@Test
	void aKeyWithoutTheAdminRoleIsRefusedWithTheServicesReason() {
		OperatorRun rebuild = rebuild("all", "--api-key", TestKeys.OPERATOR);

		assertThat(rebuild.status()).isEqualTo(1);
		assertThat(rebuild.err()).contains("ytempire rebuild: the service answered 403 to POST")
			.doesNotContain("\tat ");
	}

	@Test
	void anUnknownProjectionIsRefused() {
		OperatorRun rebuild = rebuild("nothing-such", "--api-key", TestKeys.ADMIN);

		assertThat(rebuild.status()).isEqualTo(1);
		assertThat(rebuild.err()).contains("the service answered 404");
	}

	@Test
	void withoutAKeyItSaysWhichVariableToSet() {
		OperatorRun rebuild = rebuild("all");

		assertThat(rebuild.status()).isEqualTo(1);
		assertThat(rebuild.err()).contains("set YTEMPIRE_API_KEY");
	}

	private OperatorRun rebuild(String... args) {
		String[] command = new String[args.length + 3];
		command[0] = "rebuild";
		command[1] = "--url";
		command[2] = "http://localhost:" + this.port + "/";
		System.arraycopy(args, 0, command, 3, args.length);
		return OperatorRun.of(RebuildCommandTest::noDatabase, command);
	}

	private static OperatorDatabase noDatabase() {
		throw new AssertionError("rebuild works through the service, not on its database");
	}

}
