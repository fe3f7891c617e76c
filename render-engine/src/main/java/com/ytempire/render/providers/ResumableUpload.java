package com.ytempire.render.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import com.ytempire.render.content.ProviderException;

/**
 * Sends a file into a Google resumable upload session. When the connection drops or the
 * server answers 5xx, it asks how many bytes arrived
 * ({@code Content-Range: bytes *}/total, answered 308 with {@code Range}) and sends the
 * rest from there, a bounded number of times. This resume is part of the upload protocol,
 * so it happens here and not in the stage's retry; the stage's next attempt resumes the
 * same way from the session the last one kept.
 */
final class ResumableUpload {

	private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");

	private final ProviderHttp http;

	private final YouTubeSettings settings;

	private final Supplier<String> accessToken;

	ResumableUpload(ProviderHttp http, YouTubeSettings settings, Supplier<String> accessToken) {
		this.http = http;
		this.settings = settings;
		this.accessToken = accessToken;
	}

	/** Returns the resource the server created from the complete file. */
	JsonNode send(URI session, Path file, long total, String contentType) {
		return finish(session, file, total, contentType, put(session, file, 0, total, contentType));
	}

	/**
	 * Continues a session an earlier attempt opened: asks how much of the file it holds
	 * and sends the rest, or takes the resource when it is already complete.
	 * @return empty when the session expired before this attempt, and only then: a new
	 * session is safe because the old one can no longer make a video
	 */
	Optional<JsonNode> resume(URI session, Path file, long total, String contentType) {
		Outcome status = query(session, total);
		if (status.expired()) {
			return Optional.empty();
		}
		Outcome first = (status.received() == null) ? status
				: put(session, file, status.received(), total, contentType);
		return Optional.of(finish(session, file, total, contentType, first));
	}

	private JsonNode finish(URI session, Path file, long total, String contentType, Outcome first) {
		Outcome outcome = first;
		Duration backoff = this.settings.resumeBackoff();
		for (int resumes = 1; outcome.resource() == null; resumes++) {
			if (outcome.expired()) {
				// Only a new session can help; the next attempt sees this one expired.
				throw ProviderException.retryable("YouTube upload session expired (" + outcome.interruption() + ")",
						null);
			}
			if (resumes > this.settings.maxResumes()) {
				throw ProviderException
					.retryable("YouTube upload of " + file.getFileName() + " was still incomplete after "
							+ this.settings.maxResumes() + " resumes; last: " + outcome.interruption(), null);
			}
			pause(backoff);
			backoff = backoff.multipliedBy(2);
			Outcome progress = (outcome.received() != null) ? outcome : query(session, total);
			outcome = (progress.received() == null) ? progress
					: put(session, file, progress.received(), total, contentType);
		}
		return outcome.resource();
	}

	private Outcome put(URI session, Path file, long offset, long total, String contentType) {
		if (offset >= total) {
			throw this.http.malformed("that it holds all " + total + " bytes, yet the upload is not complete");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(session)
			.timeout(this.settings.uploadTimeout())
			.header("Authorization", "Bearer " + this.accessToken.get())
			.header("Content-Type", contentType)
			.PUT(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> open(file, offset)), total - offset));
		if (offset > 0) {
			request.header("Content-Range", "bytes " + offset + "-" + (total - 1) + "/" + total);
		}
		return outcome(request.build());
	}

	private Outcome query(URI session, long total) {
		return outcome(HttpRequest.newBuilder(session)
			.timeout(this.settings.timeout())
			.header("Authorization", "Bearer " + this.accessToken.get())
			.header("Content-Range", "bytes */" + total)
			.PUT(BodyPublishers.noBody())
			.build());
	}

	private Outcome outcome(HttpRequest request) {
		HttpResponse<byte[]> response;
		try {
			response = this.http.exchange(request);
		}
		catch (ProviderException ex) {
			return Outcome.interrupted(ex.getMessage());
		}
		int status = response.statusCode();
		if (status == 200 || status == 201) {
			return new Outcome(this.http.parse(response.body()), null, null, false);
		}
		if (status == 308) {
			long received = received(response);
			return new Outcome(null, received, "the server holds " + received + " bytes", false);
		}
		if (status == 404 || status == 410) {
			return new Outcome(null, null, Integer.toString(status), true);
		}
		ProviderException failure = this.http.failure(response);
		if (failure.isRetryable()) {
			return Outcome.interrupted(failure.getMessage());
		}
		throw failure;
	}

	/** No {@code Range} header means no byte arrived. */
	private long received(HttpResponse<byte[]> response) {
		String range = response.headers().firstValue("Range").orElse(null);
		if (range == null) {
			return 0;
		}
		Matcher matcher = RANGE.matcher(range.strip());
		if (!matcher.matches()) {
			throw this.http.malformed("an upload range it cannot resume from: " + range);
		}
		return Long.parseLong(matcher.group(1)) + 1;
	}

	private static InputStream open(Path file, long offset) {
		try {
			SeekableByteChannel channel = Files.newByteChannel(file);
			channel.position(offset);
			return Channels.newInputStream(channel);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + file + " to upload it", ex);
		}
	}

	private static void pause(Duration backoff) {
		try {
			Thread.sleep(backoff.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ProviderException.retryable("YouTube upload was interrupted while waiting to resume", ex);
		}
	}

	/**
	 * Where one request left the upload: the created resource, or how many bytes the
	 * server holds, or neither (an interruption, or the session expired: described).
	 */
	private record Outcome(JsonNode resource, Long received, String interruption, boolean expired) {

		static Outcome interrupted(String interruption) {
			return new Outcome(null, null, interruption, false);
		}

	}

}
