package com.ytempire.app.operator;

import java.util.Map;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator asks the running service which build it is, as ytempire --version does. */
@IntegrationTest
class BuildInfoTest {

	@LocalServerPort
	int port;

	@Autowired
	BuildProperties build;

	@Test
	void infoNamesTheBuildThatRuns() {
		Map<?, ?> info = Api.at(this.port, TestKeys.VIEWER)
			.client()
			.get()
			.uri("/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> shown = (Map<?, ?>) info.get("build");
		assertThat(shown.get("artifact")).isEqualTo("ytempire-app");
		assertThat(shown.get("version")).isEqualTo(this.build.getVersion()).isNotNull();
		assertThat(shown.get("time")).isNotNull();
	}

}
