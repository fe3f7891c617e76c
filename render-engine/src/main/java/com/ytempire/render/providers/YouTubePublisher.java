package com.ytempire.render.providers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.ytempire.api.video.CostCategory;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Publication;
import com.ytempire.render.content.PublishProgress;
import com.ytempire.render.content.Publisher;
import com.ytempire.render.content.VideoMetadata;

/**
 * Uploads to YouTube with the Data API v3 resumable protocol. A video scheduled for later
 * goes up private with {@code publishAt}, so YouTube itself makes it public on time; one
 * whose time has passed goes up public.
 * <p>
 * The {@link Publication}'s external id is YouTube's video id and its location the watch
 * address. Its video is the local file that was uploaded, and it has no metadata file
 * (null): the snippet lives on YouTube.
 */
public final class YouTubePublisher implements Publisher {

	/** The render engine writes MP4 only. */
	static final String CONTENT_TYPE = "video/mp4";

	private static final String PROVIDER = "YouTube";

	private final YouTubeSettings settings;

	private final Clock clock;

	private final ProviderHttp http;

	private final GoogleAccessTokens tokens;

	private final ResumableUpload upload;

	public YouTubePublisher(YouTubeSettings settings) {
		this(settings, Clock.systemUTC());
	}

	YouTubePublisher(YouTubeSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = new ProviderHttp(PROVIDER, settings.timeout(),
				List.of(settings.clientSecret(), settings.refreshToken()), clock);
		this.tokens = new GoogleAccessTokens(settings, clock);
		this.upload = new ResumableUpload(this.http, settings, this.tokens::current);
	}

	/**
	 * Continues from what earlier attempts kept: a known video id is published as it is,
	 * a kept session is resumed, and only a session YouTube says expired, or none, makes
	 * a new one. The session is kept before its first byte and the id before it is
	 * returned, so no crash can upload the video twice.
	 */
	@Override
	public Priced<Publication> publish(Path video, VideoMetadata metadata, PublishProgress progress) {
		Optional<String> uploaded = progress.externalId();
		if (uploaded.isPresent()) {
			return new Priced<>(publication(uploaded.get(), video),
					new ProviderCost(CostCategory.PUBLISH, 0, "no upload: an earlier attempt finished it"));
		}
		long size = size(video);
		JsonNode resource = progress.session()
			.flatMap((session) -> this.upload.resume(session, video, size, CONTENT_TYPE))
			.orElseGet(() -> {
				URI session = startSession(metadata, size);
				progress.sessionOpened(session);
				return this.upload.send(session, video, size, CONTENT_TYPE);
			});
		String id = resource.path("id").asText("");
		if (!id.matches("[A-Za-z0-9_-]+")) {
			throw this.http.malformed("an uploaded video with no usable id: '" + id + "'");
		}
		progress.published(id);
		return new Priced<>(publication(id, video),
				new ProviderCost(CostCategory.PUBLISH, this.settings.pricePerUpload(), "1 upload, " + size + " bytes"));
	}

	private static Publication publication(String id, Path video) {
		return new Publication(id, YouTubeWatchUrl.of(id), video, null);
	}

	private URI startSession(VideoMetadata metadata, long size) {
		HttpRequest request = HttpRequest
			.newBuilder(ProviderHttp.endpoint(this.settings.apiBaseUrl(),
					"/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"))
			.timeout(this.settings.timeout())
			.header("Authorization", "Bearer " + this.tokens.current())
			.header("Content-Type", "application/json; charset=UTF-8")
			.header("X-Upload-Content-Length", Long.toString(size))
			.header("X-Upload-Content-Type", CONTENT_TYPE)
			.POST(BodyPublishers.ofByteArray(this.http.write(resource(metadata))))
			.build();
		HttpResponse<byte[]> response = this.http.send(request);
		String location = response.headers().firstValue("Location").orElse("");
		if (location.isBlank()) {
			throw this.http.malformed("no upload session address (Location) for '" + metadata.title() + "'");
		}
		return URI.create(location);
	}

	private ObjectNode resource(VideoMetadata metadata) {
		ObjectNode resource = this.http.json().createObjectNode();
		ObjectNode snippet = resource.putObject("snippet");
		snippet.put("title", metadata.title());
		snippet.put("description", metadata.description() == null ? "" : metadata.description());
		metadata.tags().forEach(snippet.putArray("tags")::add);
		snippet.put("categoryId", this.settings.categoryId());
		ObjectNode status = resource.putObject("status");
		if (metadata.publishAt() != null && metadata.publishAt().isAfter(this.clock.instant())) {
			// YouTube accepts publishAt only on a private video.
			status.put("privacyStatus", "private");
			status.put("publishAt", metadata.publishAt().toString());
		}
		else {
			status.put("privacyStatus", "public");
		}
		return resource;
	}

	private static long size(Path video) {
		try {
			long size = Files.size(video);
			if (size == 0) {
				throw ProviderException.permanent("cannot publish the empty file " + video.getFileName(), null);
			}
			return size;
		}
		catch (IOException ex) {
			throw ProviderException.permanent("cannot read the video " + video.getFileName() + " to publish it", ex);
		}
	}

}
