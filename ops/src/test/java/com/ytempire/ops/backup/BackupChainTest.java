package com.ytempire.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.ytempire.ops.OperatorException;
import com.ytempire.ops.backup.BackupManifest.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupChainTest {

	private static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");

	@TempDir
	Path root;

	@Test
	void aFullBackupAndItsIncrementalsAreSound() throws IOException {
		BackupManifest full = BackupFolders.full(this.root, "a-full", MONDAY, 1, 2, 3);
		BackupManifest first = BackupFolders.incremental(this.root, "b-incremental", full, MONDAY, 4, 6);
		BackupFolders.incremental(this.root, "c-incremental", first, MONDAY);

		BackupChain chain = BackupChain.endingAt(BackupRoot.backupNamedBy(this.root));

		assertThat(chain.links()).extracting(BackupChain.Link::name)
			.containsExactly("a-full", "b-incremental", "c-incremental");
		assertThat(chain.problems()).isEmpty();
		assertThat(chain.events()).isEqualTo(5);
		assertThat(chain.last().lastPosition()).isEqualTo(6);
	}

	@Test
	void anIncrementalThatLeavesOutPositionsIsReported() throws IOException {
		BackupFolders.full(this.root, "a-full", MONDAY, 1, 2, 3);
		BackupFolders.write(this.root, "b-incremental", Kind.INCREMENTAL, "a-full", MONDAY, 5, 7, 6, 7);

		assertThat(problemsOf("b-incremental"))
			.containsExactly("backup b-incremental starts after position 5 but a-full ends at position 3");
	}

	@Test
	void eventsOutsideTheClaimedPositionsAreReported() throws IOException {
		BackupFolders.write(this.root, "a-full", Kind.FULL, null, MONDAY, 0, 3, 1, 2, 5);

		assertThat(problemsOf("a-full")).singleElement()
			.asString()
			.contains("domainevententry.copy.gz holds position 5 out of order or outside 0 < position <= 3");
	}

	@Test
	void aFileWithFewerRowsThanItsManifestSaysIsReported() throws IOException {
		BackupManifest full = BackupFolders.full(this.root, "a-full", MONDAY, 1, 2);
		BackupManifest.TableFile sagas = full.tables().get(1);
		new BackupManifest(full.format(), full.name(), full.kind(), null, full.createdAt(), 0, 1L, 2, "event-2",
				full.schemaVersion(), List.of(full.tables().get(0), new BackupManifest.TableFile(sagas.table(),
						sagas.file(), sagas.scope(), sagas.columns(), 4, sagas.sha256())))
			.write(this.root.resolve("a-full"));

		assertThat(problemsOf("a-full"))
			.containsExactly("backup a-full: sagaentry.copy.gz holds 1 rows, the manifest says 4");
	}

	@Test
	void aFileThatIsNotGzipIsReported() throws IOException {
		BackupManifest full = BackupFolders.full(this.root, "a-full", MONDAY, 1);
		Path events = this.root.resolve("a-full").resolve("domainevententry.copy.gz");
		Files.writeString(events, "1\tplain text\n");
		BackupManifest.TableFile file = full.tables().get(0);
		new BackupManifest(full.format(), full.name(), full.kind(), null, full.createdAt(), 0, 1L, 1, "event-1",
				full.schemaVersion(), List.of(new BackupManifest.TableFile(file.table(), file.file(), file.scope(),
						file.columns(), 1, TableCopy.sha256Of(events)), full.tables().get(1)))
			.write(this.root.resolve("a-full"));

		assertThat(problemsOf("a-full")).singleElement().asString().contains("cannot be read");
	}

	@Test
	void aManifestOfAnotherBackupOrFormatIsReported() throws IOException {
		BackupManifest full = BackupFolders.full(this.root, "a-full", MONDAY, 1);
		Files.move(this.root.resolve("a-full"), this.root.resolve("renamed"));
		new BackupManifest(2, full.name(), full.kind(), null, full.createdAt(), 0, 1L, 1, "event-1",
				full.schemaVersion(), full.tables())
			.write(this.root.resolve("renamed"));

		assertThat(problemsOf("renamed")).containsExactly(
				"backup renamed has manifest format 2; this release reads format 1",
				"backup renamed has the manifest of a-full");
	}

	@Test
	void anIncrementalWithoutItsParentCannotBeFollowed() throws IOException {
		BackupManifest full = BackupFolders.full(this.root, "a-full", MONDAY, 1);
		BackupFolders.incremental(this.root, "b-incremental", full, MONDAY, 2);
		Files.delete(this.root.resolve("a-full").resolve("manifest.json"));

		assertThatThrownBy(() -> BackupChain.endingAt(this.root.resolve("b-incremental")))
			.isInstanceOf(OperatorException.class)
			.hasMessage("backup a-full has no manifest.json (incomplete or damaged backup)");
	}

	@Test
	void aFolderWithoutBackupsIsRefused() {
		assertThatThrownBy(() -> BackupRoot.backupNamedBy(this.root)).isInstanceOf(OperatorException.class)
			.hasMessageStartingWith("no backup in ");
	}

	@Test
	void aBackupFolderIsFoundByItsFilesEvenWithoutItsManifest() throws IOException {
		BackupFolders.full(this.root, "a-full", MONDAY, 1);
		Path backup = this.root.resolve("a-full");
		Files.delete(backup.resolve("manifest.json"));

		assertThat(BackupRoot.backupNamedBy(backup)).isEqualTo(backup.toAbsolutePath());
	}

	private List<String> problemsOf(String name) {
		return BackupChain.endingAt(this.root.resolve(name)).problems();
	}

}
