package com.ytempire.ops.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** When the newest backup in a folder was taken, for checks that watch backups' age. */
public final class LatestBackup {

	private LatestBackup() {
	}

	/** Empty when the folder holds no backup. */
	public static Optional<Instant> takenAt(Path folder) {
		return new BackupRoot(folder).latest().map((backup) -> BackupManifest.read(backup).createdAt());
	}

}
