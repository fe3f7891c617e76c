package com.ytempire.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ytempire.ops.OperatorException;

/**
 * What one backup folder holds: written last, so a folder with a manifest is complete.
 *
 * @param format the layout of this manifest and its files
 * @param name the folder's name
 * @param kind full, or incremental on top of {@code parent}
 * @param parent the backup this one continues (incremental only)
 * @param createdAt when the backup's snapshot was taken
 * @param afterPosition the events held are those after this global position (0 when full)
 * @param firstPosition the first event's position held, if any
 * @param lastPosition every event of the store at or below this position is in this
 * backup or its parents
 * @param lastEventIdentifier the event at {@code lastPosition}, which the database must
 * still hold for an incremental to continue this backup
 * @param schemaVersion the Flyway version of the database the backup was taken from
 * @param tables one compressed file per table
 */
record BackupManifest(int format, String name, Kind kind, String parent, Instant createdAt, long afterPosition,
		Long firstPosition, long lastPosition, String lastEventIdentifier, String schemaVersion,
		List<TableFile> tables) {

	static final int FORMAT = 1;

	static final String FILE_NAME = "manifest.json";

	private static final ObjectMapper JSON = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	enum Kind {

		@JsonProperty("full")
		FULL,

		@JsonProperty("incremental")
		INCREMENTAL

	}

	/**
	 * Rows that are added to since the parent, the whole table as it was, or the saga
	 * processors' rows of the token table.
	 */
	enum Scope {

		@JsonProperty("events-after-parent")
		EVENTS_AFTER_PARENT,

		@JsonProperty("whole-table")
		WHOLE_TABLE,

		/** The saga processors' tracking tokens, which belong with the sagas. */
		@JsonProperty("saga-tokens")
		SAGA_TOKENS

	}

	/**
	 * @param table the table, as PostgreSQL names it
	 * @param file the gzip-compressed PostgreSQL COPY text in this folder
	 * @param columns the columns of each row, in order
	 * @param rows how many rows the file holds
	 * @param sha256 the checksum of the compressed file
	 */
	record TableFile(String table, String file, Scope scope, List<String> columns, long rows, String sha256) {

		long eventRows() {
			return (this.scope == Scope.EVENTS_AFTER_PARENT) ? this.rows : 0;
		}

	}

	long events() {
		return this.tables.stream().mapToLong(TableFile::eventRows).sum();
	}

	void write(Path folder) throws IOException {
		JSON.writeValue(folder.resolve(FILE_NAME).toFile(), this);
	}

	static BackupManifest read(Path folder) {
		Path file = folder.resolve(FILE_NAME);
		try {
			return JSON.readValue(Files.readAllBytes(file), BackupManifest.class);
		}
		catch (NoSuchFileException ex) {
			throw new OperatorException(
					"backup " + folder.getFileName() + " has no " + FILE_NAME + " (incomplete or damaged backup)");
		}
		catch (IOException ex) {
			throw new OperatorException(
					"backup " + folder.getFileName() + ": " + FILE_NAME + " is unreadable: " + ex.getMessage(), ex);
		}
	}

}
