package com.ytempire.render.media;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ytempire.api.video.MediaRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaStoreTest {

	@TempDir
	Path folder;

	@Test
	void namesFilesByTheSha256OfTheirContent() throws Exception {
		MediaStore store = new MediaStore(this.folder, 0);
		MediaRef ref = store.put("hello".getBytes(StandardCharsets.UTF_8), "application/json");
		assertThat(ref).isEqualTo(new MediaRef("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
				"application/json", 5));
		assertThat(store.pathOf(ref).getFileName()).hasToString(ref.contentHash() + ".json");
		assertThat(store.read(ref)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
	}

	@Test
	void storesTheSameContentOnce() throws Exception {
		MediaStore store = new MediaStore(this.folder, 0);
		MediaRef first = store.put(new byte[] { 1, 2, 3 }, "video/mp4");
		MediaRef second = store.put(new byte[] { 1, 2, 3 }, "video/mp4");
		assertThat(second).isEqualTo(first);
		try (var files = Files.list(this.folder)) {
			assertThat(files.filter(Files::isRegularFile)).hasSize(1);
		}
		try (var work = Files.list(this.folder.resolve("work"))) {
			assertThat(work).isEmpty();
		}
	}

	@Test
	void refusesWorkWhenTheDiskIsFull() {
		MediaStore store = new MediaStore(this.folder, 100L << 20, () -> 150L << 20);
		store.requireSpace(10L << 20);
		assertThatThrownBy(() -> store.requireSpace(60L << 20)).isInstanceOf(InsufficientDiskSpaceException.class)
			.hasMessageContaining("need 60 MB plus a reserve of 100 MB, but only 150 MB are free");
		assertThatThrownBy(() -> store.put(new byte[60 << 20], "image/png"))
			.isInstanceOf(InsufficientDiskSpaceException.class);
	}

	@Test
	void missingMediaFailsWithItsHash() {
		MediaStore store = new MediaStore(this.folder, 0);
		assertThatThrownBy(() -> store.read(new MediaRef("abc", "image/png", 1)))
			.isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining("media abc is missing");
	}

	@Test
	void knowsTheUsualExtensions() {
		assertThat(MediaStore.extension("image/jpeg")).isEqualTo(".jpg");
		assertThat(MediaStore.extension("audio/wav")).isEqualTo(".wav");
		assertThat(MediaStore.extension("application/octet-stream")).isEqualTo(".bin");
	}

}
