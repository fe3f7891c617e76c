package com.ytempire.app.deploy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import com.ytempire.app.YtEmpireApplication;

/**
 * A release the deployment scripts can start with {@code java -jar}, made from the test's
 * class path: the packaged {@code ytempire.jar} is built only after the tests ran. The
 * jar holds nothing but a manifest naming the application's main class and the class
 * path's folders and jars by absolute URL, so it still works after the scripts copy it.
 */
public final class ReleaseJar {

	private ReleaseJar() {
	}

	public static Path write(Path file) throws IOException {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map(Path::of)
			// The tests' own classes are not part of a release.
			.filter((entry) -> !entry.endsWith("test-classes"))
			.map((entry) -> entry.toAbsolutePath().toUri().toString())
			.collect(Collectors.joining(" "));
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.put(Attributes.Name.MAIN_CLASS, YtEmpireApplication.class.getName());
		attributes.put(Attributes.Name.CLASS_PATH, classPath);
		try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
			jar.finish();
		}
		return file;
	}

}
