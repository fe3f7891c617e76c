package com.ytempire.ops.doctor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import com.ytempire.ops.OperatorException;
import com.ytempire.ops.backup.LatestBackup;

/**
 * What {@code doctor} checks outside the database: free disk space where the data lives,
 * the age of the newest backup, and whether renders can use a GPU.
 */
final class HostChecks {

	private final Clock clock;

	HostChecks(Clock clock) {
		this.clock = clock;
	}

	Finding disk(Path dataDirectory, long minFreeMiB) {
		Path existing = dataDirectory.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return Finding.fail("disk", "no part of " + dataDirectory + " exists");
		}
		try {
			FileStore store = Files.getFileStore(existing);
			long freeMiB = store.getUsableSpace() / (1024 * 1024);
			long percent = (store.getTotalSpace() > 0) ? 100 * store.getUsableSpace() / store.getTotalSpace() : 0;
			String detail = freeMiB + " MiB (" + percent + "%) free for " + dataDirectory;
			return (freeMiB < minFreeMiB) ? Finding.fail("disk", detail + ", less than " + minFreeMiB + " MiB")
					: Finding.ok("disk", detail);
		}
		catch (IOException ex) {
			return Finding.fail("disk", "cannot read the free space of " + existing + ": " + ex.getMessage());
		}
	}

	Finding backups(Path folder, Duration maxAge) {
		if (folder == null) {
			return Finding.warn("backup", "no backup folder given (--backups or YTEMPIRE_BACKUP_DIR)");
		}
		if (!Files.isDirectory(folder)) {
			return Finding.fail("backup", folder + " is not a folder");
		}
		try {
			Optional<Instant> takenAt = LatestBackup.takenAt(folder);
			if (takenAt.isEmpty()) {
				return Finding.fail("backup", "no backup in " + folder);
			}
			Duration age = Duration.between(takenAt.get(), this.clock.instant());
			String detail = "newest taken at " + takenAt.get() + ", " + age.toMinutes() + " minutes ago";
			return age.compareTo(maxAge) > 0 ? Finding.fail("backup", detail + ", older than " + maxAge)
					: Finding.ok("backup", detail);
		}
		catch (OperatorException ex) {
			return Finding.fail("backup", ex.getMessage());
		}
	}

	/**
	 * Fails only where the service would refuse to start: a GPU is required and none is
	 * usable. An unreadable setting fails too, for the same reason.
	 */
	Finding gpu(Supplier<GpuState> probe) {
		GpuState gpu;
		try {
			gpu = probe.get();
		}
		catch (RuntimeException ex) {
			return Finding.fail("gpu", ex.getMessage());
		}
		if (!gpu.enabled()) {
			return Finding.ok("gpu", "not used (YTEMPIRE_GPU=off): renders use the CPU compositor");
		}
		if (gpu.available()) {
			return Finding.ok("gpu", gpu.detail() + ": renders use CUDA");
		}
		String none = "no usable GPU (" + gpu.detail() + ")";
		return gpu.required() ? Finding.fail("gpu", none + ", but YTEMPIRE_GPU=require: the service will not start")
				: Finding.warn("gpu", none + ": renders use the CPU compositor");
	}

}
