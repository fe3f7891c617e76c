package com.ytempire.query.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import com.ytempire.query.support.BadQuery;
import com.ytempire.query.support.NotFound;
import com.ytempire.query.support.Select;
import io.r2dbc.spi.ConnectionFactory;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rendered videos from the media store, by content hash, with range requests so players
 * can seek. Only files a video's events name are served: the hash is looked up in the
 * read model, never trusted as a path.
 */
@RestController
class MediaController {

	private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

	private final DatabaseClient database;

	private final Path mediaDirectory;

	MediaController(ConnectionFactory connections, @Value("${ytempire.render.media-dir}") Path mediaDirectory) {
		this.database = DatabaseClient.create(connections);
		this.mediaDirectory = mediaDirectory;
	}

	@GetMapping("/api/v1/media/{contentHash}")
	@ApiResponse(responseCode = "200", description = "The rendered video",
			content = @Content(mediaType = "video/mp4", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "206", description = "The part of it that a Range header asked for",
			content = @Content(mediaType = "video/mp4", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "404", description = "There is no rendered video with this hash")
	Mono<ResponseEntity<Resource>> media(@PathVariable String contentHash) {
		if (!SHA_256.matcher(contentHash).matches()) {
			return Mono.error(new BadQuery("A media id is the SHA-256 of the file in 64 lowercase hex digits"));
		}
		return new Select("video_media_type FROM rm_video", "video_id")
			.where("video_content_hash = :hash", "hash", contentHash)
			.fetch(this.database)
			.next()
			.map((row) -> (String) row.get("videoMediaType"))
			.filter("video/mp4"::equals)
			.map((type) -> this.mediaDirectory.resolve(contentHash + ".mp4"))
			.filter(Files::isReadable)
			.switchIfEmpty(Mono.error(() -> new NotFound("There is no rendered video " + contentHash)))
			.map((file) -> ResponseEntity.ok()
				.contentType(MediaType.valueOf("video/mp4"))
				// Named by its content, the file never changes.
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
				.body(new FileSystemResource(file)));
	}

}
