package com.ytempire.ops.backup;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.ytempire.ops.OperatorDatabase;

/**
 * Backups taken by the service itself on a schedule, the same as {@code ytempire backup}
 * takes them, retention included.
 */
public final class Backups {

	private Backups() {
	}

	/**
	 * What one backup took.
	 *
	 * @param deleted the old backups that retention removed afterwards
	 */
	public record Taken(String name, boolean incremental, long events, long lastPosition, Instant takenAt,
			List<String> deleted) {
	}

	/**
	 * Takes a backup into {@code folder} and applies retention. An incremental asked for
	 * where the folder holds no backup yet is taken as a full one.
	 * @param progress where a long backup reports its progress
	 */
	public static Taken take(OperatorDatabase database, Path folder, boolean incremental, Duration keep, Clock clock,
			PrintWriter progress) throws IOException, SQLException {
		BackupRoot root = new BackupRoot(folder);
		boolean continues = incremental && root.latest().isPresent();
		BackupManifest manifest = new BackupWriter(database, clock, progress).write(root, continues);
		List<String> deleted = new Retention(keep).apply(root, clock.instant());
		return new Taken(manifest.name(), continues, manifest.events(), manifest.lastPosition(), manifest.createdAt(),
				deleted);
	}

}
