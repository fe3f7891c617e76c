package com.ytempire.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: the build that Spring Boot's build-info goal recorded in
 * the jar, and the Java it runs on.
 */
final class BuildVersion implements IVersionProvider {

	private static final String BUILD_INFO = "META-INF/build-info.properties";

	private final String resource;

	BuildVersion() {
		this(BUILD_INFO);
	}

	BuildVersion(String resource) {
		this.resource = resource;
	}

	@Override
	public String[] getVersion() throws IOException {
		return new String[] { build(), "Java " + Runtime.version() + " on " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") };
	}

	private String build() throws IOException {
		try (InputStream in = BuildVersion.class.getClassLoader().getResourceAsStream(this.resource)) {
			// Classes compiled by an IDE or a module's own tests carry no build info.
			if (in == null) {
				return "ytempire development build";
			}
			Properties build = new Properties();
			build.load(in);
			return "ytempire " + build.getProperty("build.version") + ", built " + build.getProperty("build.time");
		}
	}

}
