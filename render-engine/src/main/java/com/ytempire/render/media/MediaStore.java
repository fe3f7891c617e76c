package com.ytempire.render.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongSupplier;

import com.ytempire.api.video.MediaRef;

/**
 * A folder of media files, each named by the SHA-256 of its content: storing the same
 * bytes twice keeps one file, and a name in an event can never point at different bytes
 * later.
 */
public final class MediaStore {

	private final Path root;

	private final long reserveBytes;

	private final LongSupplier usableSpace;

	/**
	 * @param root the folder, created when missing
	 * @param reserveBytes free space to leave untouched, so a render never fills the disk
	 * the event store lives on
	 */
	public MediaStore(Path root, long reserveBytes) {
		this(root, reserveBytes, () -> usableSpace(root));
	}

	MediaStore(Path root, long reserveBytes, LongSupplier usableSpace) {
		this.root = root;
		this.reserveBytes = reserveBytes;
		this.usableSpace = usableSpace;
		try {
			Files.createDirectories(root.resolve("work"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the media store at " + root, ex);
		}
	}

	public MediaRef put(byte[] content, String mediaType) {
		requireSpace(content.length);
		try {
			Path work = newWorkFile(extension(mediaType));
			Files.write(work, content);
			return importFile(work, mediaType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write to the media store at " + this.root, ex);
		}
	}

	/**
	 * Moves a finished file (usually from {@link #newWorkFile}) into the store under its
	 * hash.
	 */
	public MediaRef importFile(Path file, String mediaType) {
		try {
			String hash = sha256(file);
			MediaRef ref = new MediaRef(hash, mediaType, Files.size(file));
			Path target = pathOf(ref);
			if (Files.exists(target)) {
				Files.delete(file);
			}
			else {
				Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
			}
			return ref;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store " + file.getFileName() + " in the media store", ex);
		}
	}

	public Path pathOf(MediaRef ref) {
		return this.root.resolve(ref.contentHash() + extension(ref.mediaType()));
	}

	public byte[] read(MediaRef ref) {
		try {
			return Files.readAllBytes(pathOf(ref));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("media " + ref.contentHash() + " is missing from " + this.root, ex);
		}
	}

	/**
	 * A scratch file inside the store, on the same disk so that importing it is a rename.
	 */
	public Path newWorkFile(String suffix) throws IOException {
		return Files.createTempFile(this.root.resolve("work"), "part-", suffix);
	}

	/**
	 * Fails before the work starts rather than half-way through an encode.
	 * @throws InsufficientDiskSpaceException when writing {@code bytes} would eat into
	 * the reserve
	 */
	public void requireSpace(long bytes) {
		long usable = this.usableSpace.getAsLong();
		if (usable - bytes < this.reserveBytes) {
			throw new InsufficientDiskSpaceException(this.root, bytes, usable, this.reserveBytes);
		}
	}

	static String extension(String mediaType) {
		return switch (mediaType) {
			case "video/mp4" -> ".mp4";
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			case "audio/wav" -> ".wav";
			case "application/json" -> ".json";
			default -> ".bin";
		};
	}

	private static String sha256(Path file) throws IOException {
		try {
			return sha256Unchecked(file);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static String sha256Unchecked(Path file) throws IOException, NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static long usableSpace(Path root) {
		try {
			return Files.getFileStore(root).getUsableSpace();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the free space of " + root, ex);
		}
	}

}
