package com.ytempire.ops.backup;

import java.util.Objects;
import java.util.Optional;

import com.ytempire.ops.backup.BackupManifest.Scope;
import com.ytempire.ops.backup.BackupManifest.TableFile;

/**
 * Checks the rows of one file against its manifest: how many there are and, for events,
 * that their positions rise within the range the manifest claims.
 */
final class RowCheck {

	private final BackupManifest manifest;

	private final TableFile table;

	private final int positionColumn;

	private long rows;

	private long previous;

	private Long first;

	private String problem;

	RowCheck(BackupManifest manifest, TableFile table) {
		this.manifest = manifest;
		this.table = table;
		this.positionColumn = (table.scope() == Scope.EVENTS_AFTER_PARENT)
				? table.columns().indexOf(StoreTables.POSITION) : -1;
		this.previous = manifest.afterPosition();
	}

	void accept(String row) {
		this.rows++;
		if (this.positionColumn < 0 || this.problem != null) {
			return;
		}
		long position;
		try {
			position = Long.parseLong(row.split("\t", -1)[this.positionColumn]);
		}
		catch (RuntimeException ex) {
			this.problem = "has a row without a position (row " + this.rows + ")";
			return;
		}
		if (position <= this.previous || position > this.manifest.lastPosition()) {
			this.problem = "holds position " + position + " out of order or outside " + this.manifest.afterPosition()
					+ " < position <= " + this.manifest.lastPosition();
		}
		if (this.first == null) {
			this.first = position;
		}
		this.previous = position;
	}

	Optional<String> problem() {
		if (this.problem != null) {
			return Optional.of(this.problem);
		}
		if (this.rows != this.table.rows()) {
			return Optional.of("holds " + this.rows + " rows, the manifest says " + this.table.rows());
		}
		if (this.positionColumn >= 0 && !Objects.equals(this.first, this.manifest.firstPosition())) {
			return Optional
				.of("starts at position " + this.first + ", the manifest says " + this.manifest.firstPosition());
		}
		return Optional.empty();
	}

}
