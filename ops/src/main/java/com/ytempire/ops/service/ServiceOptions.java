package com.ytempire.ops.service;

import java.net.URI;

import picocli.CommandLine.Option;

/**
 * Where the running service is and the key to use with it, for commands that go through
 * it.
 */
public final class ServiceOptions {

	@Option(names = "--url", paramLabel = "URL", defaultValue = "${env:YTEMPIRE_URL:-http://localhost:8000/}",
			description = "the service (default ${DEFAULT-VALUE}, or YTEMPIRE_URL)")
	URI url;

	@Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:YTEMPIRE_API_KEY}", hidden = true,
			description = "an API key; prefer YTEMPIRE_API_KEY, which other users cannot see")
	String apiKey;

	public ServiceClient client() {
		return new ServiceClient(this.url, this.apiKey);
	}

}
