package com.ytempire.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.ytempire.ops.OperatorException;

/**
 * The folder that holds backups, one sub-folder each, named by the moment they were taken
 * so that names sort in time order. A backup is written under a hidden name and renamed
 * once complete.
 */
final class BackupRoot {

	private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final Path folder;

	BackupRoot(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	/**
	 * The backup a command names: the folder itself when it is a backup, otherwise the
	 * newest backup in it.
	 */
	static Path backupNamedBy(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new OperatorException(directory + " is not a folder");
		}
		if (isBackup(directory)) {
			return directory.toAbsolutePath().normalize();
		}
		return new BackupRoot(directory).latest()
			.orElseThrow(() -> new OperatorException("no backup in " + directory.toAbsolutePath()));
	}

	Path folder() {
		return this.folder;
	}

	List<Path> backups() {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(this.folder)) {
			return entries.filter(Files::isDirectory)
				.filter((entry) -> !entry.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new OperatorException("cannot list " + this.folder + ": " + ex.getMessage(), ex);
		}
	}

	Optional<Path> latest() {
		List<Path> backups = backups();
		return backups.isEmpty() ? Optional.empty() : Optional.of(backups.get(backups.size() - 1));
	}

	Path backup(String name) {
		return this.folder.resolve(name);
	}

	static String name(Instant createdAt, BackupManifest.Kind kind) {
		return NAME_TIME.format(createdAt) + "-" + kind.name().toLowerCase(Locale.ROOT);
	}

	private static boolean isBackup(Path directory) {
		if (Files.exists(directory.resolve(BackupManifest.FILE_NAME))) {
			return true;
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.anyMatch((entry) -> entry.getFileName().toString().endsWith(TableCopy.SUFFIX));
		}
		catch (IOException ex) {
			throw new OperatorException("cannot list " + directory + ": " + ex.getMessage(), ex);
		}
	}

}
