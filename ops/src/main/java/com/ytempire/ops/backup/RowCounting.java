package com.ytempire.ops.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Counts the rows of PostgreSQL COPY text passing through: each row ends with a newline,
 * and newlines inside values are escaped.
 */
final class RowCounting {

	private RowCounting() {
	}

	static OutputStream output(OutputStream target, LongConsumer rows) {
		return new FilterOutputStream(target) {

			@Override
			public void write(int b) throws IOException {
				this.out.write(b);
				rows.accept((b == '\n') ? 1 : 0);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
				rows.accept(newlines(bytes, offset, length));
			}

		};
	}

	static InputStream input(InputStream source, LongConsumer rows) {
		return new FilterInputStream(source) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				rows.accept((b == '\n') ? 1 : 0);
				return b;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int read = super.read(bytes, offset, length);
				if (read > 0) {
					rows.accept(newlines(bytes, offset, read));
				}
				return read;
			}

		};
	}

	private static long newlines(byte[] bytes, int offset, int length) {
		long count = 0;
		for (int i = offset; i < offset + length; i++) {
			if (bytes[i] == '\n') {
				count++;
			}
		}
		return count;
	}

}
