package com.ytempire.app.deploy;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as it ships: the {@code ytempire.jar} that the build's package phase
 * repackaged, named by the integration-test run in the system property
 * {@code ytempire.jar}.
 */
public final class PackagedJar {

	private PackagedJar() {
	}

	public static Path path() {
		String jar = System.getProperty("ytempire.jar");
		assertThat(jar).as("system property ytempire.jar: run the *IT tests through mvn verify").isNotBlank();
		Path path = Path.of(jar);
		assertThat(path).as("the packaged application").isRegularFile();
		return path;
	}

}
