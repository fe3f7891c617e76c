package com.ytempire.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.ytempire.ops.OperatorException;
import com.ytempire.ops.backup.BackupManifest.Kind;

/**
 * Deletes backups older than the retention period, except the newest full backup and the
 * incrementals that continue it, and any backup a kept one continues. Folders without a
 * readable manifest are left for the operator to look at.
 */
final class Retention {

	private final Duration keep;

	Retention(Duration keep) {
		this.keep = keep;
	}

	List<String> apply(BackupRoot root, Instant now) throws IOException {
		Map<String, BackupManifest> manifests = new LinkedHashMap<>();
		for (Path folder : root.backups()) {
			try {
				manifests.put(folder.getFileName().toString(), BackupManifest.read(folder));
			}
			catch (OperatorException unreadable) {
				// Not ours to judge: verify-backup reports it.
			}
		}
		String newestFull = manifests.values()
			.stream()
			.filter((manifest) -> manifest.kind() == Kind.FULL)
			.max(Comparator.comparing(BackupManifest::createdAt))
			.map(BackupManifest::name)
			.orElse(null);
		Instant cutoff = now.minus(this.keep);
		Set<String> kept = new HashSet<>();
		for (BackupManifest manifest : manifests.values()) {
			if (!manifest.createdAt().isBefore(cutoff) || continues(manifest, newestFull, manifests)) {
				for (String name = manifest.name(); name != null && kept.add(name);) {
					BackupManifest current = manifests.get(name);
					name = (current != null) ? current.parent() : null;
				}
			}
		}
		List<String> deleted = new ArrayList<>();
		for (String name : manifests.keySet()) {
			if (!kept.contains(name)) {
				delete(root.backup(name));
				deleted.add(name);
			}
		}
		return deleted;
	}

	private static boolean continues(BackupManifest manifest, String full, Map<String, BackupManifest> manifests) {
		Set<String> seen = new HashSet<>();
		for (BackupManifest current = manifest; current != null && seen.add(current.name());) {
			if (current.name().equals(full)) {
				return true;
			}
			current = (current.parent() != null) ? manifests.get(current.parent()) : null;
		}
		return false;
	}

	static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> entries = Files.walk(folder)) {
			for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(entry);
			}
		}
	}

}
