package com.ytempire.render.providers;

import java.net.URI;
import java.util.Optional;

import com.ytempire.render.content.PublishProgress;

/** Publishing progress in memory, shared by the attempts of one test. */
final class KeptProgress implements PublishProgress {

	private volatile URI session;

	private volatile String externalId;

	static KeptProgress withId(String externalId) {
		KeptProgress progress = new KeptProgress();
		progress.externalId = externalId;
		return progress;
	}

	@Override
	public Optional<URI> session() {
		return Optional.ofNullable(this.session);
	}

	@Override
	public Optional<String> externalId() {
		return Optional.ofNullable(this.externalId);
	}

	@Override
	public void sessionOpened(URI session) {
		this.session = session;
	}

	@Override
	public void published(String externalId) {
		this.session = null;
		this.externalId = externalId;
	}

}
