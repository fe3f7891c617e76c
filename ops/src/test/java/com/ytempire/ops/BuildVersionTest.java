package com.ytempire.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildVersionTest {

	@Test
	void namesTheVersionAndTimeOfTheBuild() throws Exception {
		String[] version = new BuildVersion("com/ytempire/ops/build-info.properties").getVersion();
		assertThat(version[0]).isEqualTo("ytempire 0.1.0-SNAPSHOT, built 2026-12-03T07:03:00.000Z");
		assertThat(version[1]).startsWith("Java " + Runtime.version());
	}

	@Test
	void classesWithoutBuildInfoAreADevelopmentBuild() throws Exception {
		assertThat(new BuildVersion("com/ytempire/ops/no-build-info.properties").getVersion()[0])
			.isEqualTo("ytempire development build");
	}

}
