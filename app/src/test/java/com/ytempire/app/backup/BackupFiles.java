package com.ytempire.app.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads backups the way an operator would with {@code zcat}: folders, manifests, and the
 * positions in their event files.
 */
final class BackupFiles {

	private static final ObjectMapper JSON = new ObjectMapper();

	private BackupFiles() {
	}

	static List<Path> backups(Path root) throws IOException {
		try (Stream<Path> entries = Files.list(root)) {
			return entries.filter(Files::isDirectory)
				.filter((entry) -> !entry.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
	}

	/**
	 * Every file under {@code root} as text, compressed ones unpacked: what a backup
	 * holds.
	 */
	static String text(Path root) throws IOException {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
						: Files.newInputStream(file)) {
					text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
				}
			}
		}
		return text.toString();
	}

	static Map<?, ?> manifest(Path backup) throws IOException {
		return JSON.readValue(backup.resolve("manifest.json").toFile(), Map.class);
	}

	static long lastPosition(Path backup) throws IOException {
		return ((Number) manifest(backup).get("lastPosition")).longValue();
	}

	/** The global positions of the events the backup holds, in file order. */
	static List<Long> positions(Path backup) throws IOException {
		List<?> tables = (List<?>) manifest(backup).get("tables");
		Map<?, ?> events = tables.stream()
			.map(Map.class::cast)
			.filter((table) -> "domainevententry".equals(table.get("table")))
			.findFirst()
			.orElseThrow();
		int column = ((List<?>) events.get("columns")).indexOf("globalindex");
		List<Long> positions = new ArrayList<>();
		try (BufferedReader rows = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(Files.newInputStream(backup.resolve((String) events.get("file")))),
				StandardCharsets.UTF_8))) {
			for (String row = rows.readLine(); row != null; row = rows.readLine()) {
				positions.add(Long.parseLong(row.split("\t", -1)[column]));
			}
		}
		return positions;
	}

}
