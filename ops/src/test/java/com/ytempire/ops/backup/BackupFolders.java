package com.ytempire.ops.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import com.ytempire.ops.backup.BackupManifest.Kind;
import com.ytempire.ops.backup.BackupManifest.Scope;
import com.ytempire.ops.backup.BackupManifest.TableFile;

/**
 * Writes backup folders by hand, as {@code backup} lays them out, so that their checks
 * can be tried on every kind of damage without a database.
 */
final class BackupFolders {

	private BackupFolders() {
	}

	static BackupManifest full(Path root, String name, Instant createdAt, long... positions) throws IOException {
		return write(root, name, Kind.FULL, null, createdAt, 0, last(0, positions), positions);
	}

	static BackupManifest incremental(Path root, String name, BackupManifest parent, Instant createdAt,
			long... positions) throws IOException {
		return write(root, name, Kind.INCREMENTAL, parent.name(), createdAt, parent.lastPosition(),
				last(parent.lastPosition(), positions), positions);
	}

	static BackupManifest write(Path root, String name, Kind kind, String parent, Instant createdAt, long after,
			long last, long... positions) throws IOException {
		Path folder = Files.createDirectories(root.resolve(name));
		String events = Arrays.stream(positions)
			.mapToObj((position) -> position + "\tevent-" + position + "\n")
			.collect(Collectors.joining());
		TableFile eventFile = file(folder, StoreTables.EVENTS, Scope.EVENTS_AFTER_PARENT,
				List.of(StoreTables.POSITION, StoreTables.EVENT_IDENTIFIER), events, positions.length);
		TableFile sagas = file(folder, "sagaentry", Scope.WHOLE_TABLE, List.of("sagaid"), "saga-1\n", 1);
		Long first = (positions.length > 0) ? positions[0] : null;
		BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, name, kind, parent, createdAt, after, first,
				last, "event-" + last, "20261128.30", List.of(eventFile, sagas));
		manifest.write(folder);
		return manifest;
	}

	static void gzip(Path file, String content) throws IOException {
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static TableFile file(Path folder, String table, Scope scope, List<String> columns, String rows, long count)
			throws IOException {
		Path file = folder.resolve(TableCopy.fileName(table));
		gzip(file, rows);
		return new TableFile(table, file.getFileName().toString(), scope, columns, count, TableCopy.sha256Of(file));
	}

	private static long last(long after, long... positions) {
		return (positions.length > 0) ? positions[positions.length - 1] : after;
	}

}
