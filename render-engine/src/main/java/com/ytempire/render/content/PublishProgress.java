package com.ytempire.render.content;

import java.net.URI;
import java.util.Optional;

/**
 * How far earlier attempts at publishing one video got, kept where a crash cannot lose
 * it, so that another attempt continues an upload instead of starting a second one. A
 * publisher stores each fact before anything that can fail after it.
 */
public interface PublishProgress {

	/** The upload session an earlier attempt opened and did not see finish. */
	Optional<URI> session();

	/** The id the destination gave the video, once an attempt saw the upload finish. */
	Optional<String> externalId();

	/**
	 * Keeps a session just opened, in place of the one read (if any), before a byte is
	 * sent to it.
	 * @throws ProviderException (retryable) when another attempt stored a session
	 * meanwhile: two sessions would make two videos
	 */
	void sessionOpened(URI session);

	/** Keeps the destination's id; the session is no longer needed. */
	void published(String externalId);

	/** For a video produced in one go, with no later attempt to continue from. */
	static PublishProgress none() {
		return new PublishProgress() {

			@Override
			public Optional<URI> session() {
				return Optional.empty();
			}

			@Override
			public Optional<String> externalId() {
				return Optional.empty();
			}

			@Override
			public void sessionOpened(URI session) {
			}

			@Override
			public void published(String externalId) {
			}

		};
	}

}
