package com.ytempire.ops.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Streams a table between PostgreSQL and a gzip-compressed file of COPY text, without
 * holding it in memory.
 */
final class TableCopy {

	static final String SUFFIX = ".copy.gz";

	private static final int BUFFER = 1 << 16;

	private TableCopy() {
	}

	record Written(long rows, String sha256) {
	}

	static String fileName(String table) {
		return table + SUFFIX;
	}

	/** Writes what {@code select} answers, in the connection's current transaction. */
	static Written out(Connection connection, String select, Path file, LongConsumer progress)
			throws SQLException, IOException {
		MessageDigest digest = sha256();
		AtomicLong rows = new AtomicLong();
		try (OutputStream compressed = new GZIPOutputStream(
				new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(file), digest), BUFFER), BUFFER);
				OutputStream counted = RowCounting.output(compressed, (count) -> {
					rows.addAndGet(count);
					progress.accept(count);
				})) {
			copyManager(connection).copyOut("COPY (" + select + ") TO STDOUT", counted);
		}
		return new Written(rows.get(), HexFormat.of().formatHex(digest.digest()));
	}

	/** Loads the file into the table's columns; answers the rows PostgreSQL stored. */
	static long in(Connection connection, String table, List<String> columns, Path file, LongConsumer progress)
			throws SQLException, IOException {
		try (InputStream rows = RowCounting.input(new GZIPInputStream(Files.newInputStream(file), BUFFER), progress)) {
			return copyManager(connection).copyIn(
					"COPY " + StoreTables.quoted(table) + " (" + StoreTables.columnList(columns) + ") FROM STDIN",
					rows);
		}
	}

	static String sha256Of(Path file) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static CopyManager copyManager(Connection connection) throws SQLException {
		return connection.unwrap(PGConnection.class).getCopyAPI();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
