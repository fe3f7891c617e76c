package com.ytempire.ops.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.ytempire.ops.OperatorException;
import com.ytempire.ops.backup.BackupManifest.Kind;
import com.ytempire.ops.backup.BackupManifest.Scope;
import com.ytempire.ops.backup.BackupManifest.TableFile;

/**
 * A full backup and the incrementals that continue it, oldest first, up to the one asked
 * for. Each incremental names its parent, which must be in the same folder.
 */
final class BackupChain {

	private final List<Link> links;

	record Link(Path folder, BackupManifest manifest) {

		String name() {
			return this.folder.getFileName().toString();
		}

	}

	private BackupChain(List<Link> links) {
		this.links = List.copyOf(links);
	}

	static BackupChain endingAt(Path backup) {
		BackupRoot root = new BackupRoot(backup.getParent());
		List<Link> links = new ArrayList<>();
		Path folder = backup;
		int limit = root.backups().size() + 1;
		while (true) {
			BackupManifest manifest = BackupManifest.read(folder);
			links.add(new Link(folder, manifest));
			if (manifest.kind() != Kind.INCREMENTAL) {
				break;
			}
			if (manifest.parent() == null || links.size() > limit) {
				throw new OperatorException("backup " + folder.getFileName() + " names no valid parent");
			}
			Path parent = root.backup(manifest.parent());
			if (!Files.isDirectory(parent)) {
				throw new OperatorException("backup " + folder.getFileName() + " continues " + manifest.parent()
						+ ", which is missing from " + root.folder());
			}
			folder = parent;
		}
		Collections.reverse(links);
		return new BackupChain(links);
	}

	List<Link> links() {
		return this.links;
	}

	BackupManifest last() {
		return this.links.get(this.links.size() - 1).manifest();
	}

	long events() {
		return this.links.stream().mapToLong((link) -> link.manifest().events()).sum();
	}

	/**
	 * Everything wrong with the chain, read without a database; empty when it is sound.
	 */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		Link full = this.links.get(0);
		if (full.manifest().kind() != Kind.FULL || full.manifest().afterPosition() != 0) {
			problems.add("backup " + full.name() + " should be a full backup starting at position 0");
		}
		for (int i = 0; i < this.links.size(); i++) {
			Link link = this.links.get(i);
			BackupManifest manifest = link.manifest();
			if (manifest.format() != BackupManifest.FORMAT) {
				problems.add("backup " + link.name() + " has manifest format " + manifest.format()
						+ "; this release reads format " + BackupManifest.FORMAT);
			}
			if (!link.name().equals(manifest.name())) {
				problems.add("backup " + link.name() + " has the manifest of " + manifest.name());
			}
			if (i > 0 && manifest.afterPosition() != this.links.get(i - 1).manifest().lastPosition()) {
				problems.add("backup " + link.name() + " starts after position " + manifest.afterPosition() + " but "
						+ this.links.get(i - 1).name() + " ends at position "
						+ this.links.get(i - 1).manifest().lastPosition());
			}
			if (manifest.tables().stream().noneMatch((table) -> table.scope() == Scope.EVENTS_AFTER_PARENT)) {
				problems.add("backup " + link.name() + " lists no event file");
			}
			for (TableFile table : manifest.tables()) {
				checkFile(link, table, problems);
			}
		}
		return problems;
	}

	private static void checkFile(Link link, TableFile table, List<String> problems) {
		Path file = link.folder().resolve(table.file());
		String where = "backup " + link.name() + ": " + table.file();
		if (!Files.isRegularFile(file)) {
			problems.add(where + " is missing");
			return;
		}
		try {
			String sha256 = TableCopy.sha256Of(file);
			if (!sha256.equals(table.sha256())) {
				problems.add(where + " is damaged: its SHA-256 is " + sha256 + ", the manifest says " + table.sha256());
				return;
			}
			RowCheck check = new RowCheck(link.manifest(), table);
			try (BufferedReader rows = new BufferedReader(
					new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
				for (String row = rows.readLine(); row != null; row = rows.readLine()) {
					check.accept(row);
				}
			}
			check.problem().ifPresent((problem) -> problems.add(where + " " + problem));
		}
		catch (IOException ex) {
			problems.add(where + " cannot be read: " + ex.getMessage());
		}
	}

}
