package com.ytempire.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {

	private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

	@TempDir
	Path root;

	@Test
	void deletesOldBackupsThatNothingKeptNeeds() throws IOException {
		BackupManifest oldFull = BackupFolders.full(this.root, "a-full", daysAgo(60), 1);
		BackupFolders.incremental(this.root, "b-incremental", oldFull, daysAgo(50), 2);
		BackupManifest stillNeeded = BackupFolders.full(this.root, "c-full", daysAgo(40), 1, 2);
		BackupFolders.incremental(this.root, "d-incremental", stillNeeded, daysAgo(5), 3);
		BackupFolders.full(this.root, "e-full", daysAgo(1), 1, 2, 3);
		Files.createDirectories(this.root.resolve("f-damaged"));

		assertThat(new Retention(Duration.ofDays(30)).apply(new BackupRoot(this.root), NOW)).containsExactly("a-full",
				"b-incremental");
		assertThat(new BackupRoot(this.root).backups()).extracting((folder) -> folder.getFileName().toString())
			.containsExactly("c-full", "d-incremental", "e-full", "f-damaged");
	}

	@Test
	void neverDeletesTheNewestFullBackupAndItsIncrementals() throws IOException {
		BackupManifest full = BackupFolders.full(this.root, "a-full", daysAgo(90), 1);
		BackupFolders.incremental(this.root, "b-incremental", full, daysAgo(80), 2);

		assertThat(new Retention(Duration.ofDays(30)).apply(new BackupRoot(this.root), NOW)).isEmpty();
		assertThat(new BackupRoot(this.root).backups()).hasSize(2);
	}

	private static Instant daysAgo(int days) {
		return NOW.minus(Duration.ofDays(days));
	}

}
