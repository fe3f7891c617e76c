package com.ytempire.render.compositor;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The committed PTX must be what the committed CUDA source compiles to. */
class PtxUpToDateTest {

	@TempDir
	Path folder;

	@Test
	void committedPtxMatchesTheCudaSource() throws Exception {
		assumeTrue(nvccInstalled(), "SKIPPED PTX freshness check: nvcc is not on the PATH");
		Process build = new ProcessBuilder("scripts/build-ptx.sh", this.folder.toString()).redirectErrorStream(true)
			.start();
		String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(build.exitValue()).as(output).isZero();
		assertThat(code(this.folder.resolve("compose.ptx")))
			.as("src/main/resources/.../compose.ptx is stale: run scripts/build-ptx.sh and commit it")
			.isEqualTo(code(Path.of("src/main/resources/com/ytempire/render/compositor/compose.ptx")));
	}

	/** The PTX without its comment header, which names the compiler build. */
	private static List<String> code(Path ptx) throws Exception {
		try (Stream<String> lines = Files.lines(ptx)) {
			return lines.filter((line) -> !line.startsWith("//")).toList();
		}
	}

	private static boolean nvccInstalled() {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, "nvcc")));
	}

}
