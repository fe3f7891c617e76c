package com.ytempire.render.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Publishes into a folder: {@code <videoId>.mp4} and {@code <videoId>.json} with the
 * YouTube snippet. Each file appears by an atomic rename, so whatever watches the outbox
 * never reads half a file; the JSON comes last and marks the pair complete. Publishing
 * again replaces the pair under the same names, so it needs no progress from an earlier
 * attempt.
 */
public final class OutboxPublisher implements Publisher {

	private final Path outbox;

	private final PriceTable prices;

	private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.enable(SerializationFeature.INDENT_OUTPUT);

	public OutboxPublisher(Path outbox, PriceTable prices) {
		this.outbox = outbox;
		this.prices = prices;
	}

	@Override
	public Priced<Publication> publish(Path video, VideoMetadata metadata, PublishProgress progress) {
		if (!metadata.videoId().matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("video id '" + metadata.videoId() + "' is not a safe file name");
		}
		try {
			Files.createDirectories(this.outbox);
			Path videoTarget = this.outbox.resolve(metadata.videoId() + ".mp4");
			Path metadataTarget = this.outbox.resolve(metadata.videoId() + ".json");
			Path partVideo = Files.createTempFile(this.outbox, ".part-", ".mp4");
			Files.copy(video, partVideo, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partVideo, videoTarget, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Path partMetadata = Files.createTempFile(this.outbox, ".part-", ".json");
			this.json.writeValue(partMetadata.toFile(), metadata);
			Files.move(partMetadata, metadataTarget, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			Publication publication = new Publication(videoTarget.getFileName().toString(),
					videoTarget.toUri().toString(), videoTarget, metadataTarget);
			return new Priced<>(publication, this.prices.publish());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not publish " + metadata.videoId() + " to the outbox " + this.outbox,
					ex);
		}
	}

}
