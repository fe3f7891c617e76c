package com.ytempire.app.query;

import java.time.Duration;
import java.time.Instant;

import com.ytempire.app.Api;

import org.springframework.http.HttpStatus;

/**
 * Waits until the projections have applied everything up to a position, through the query
 * API's read-your-writes parameter: it answers 200 once every projection has passed the
 * position and 503 when it is still behind after a few seconds.
 */
final class CatchUp {

	private CatchUp() {
	}

	static void await(Api viewer, long position, Duration atMost) {
		Instant deadline = Instant.now().plus(atMost);
		while (true) {
			HttpStatus status = HttpStatus.valueOf(viewer.client()
				.get()
				.uri("/api/v1/overview?minPosition={position}", position)
				.exchange()
				.returnResult(Void.class)
				.getStatus()
				.value());
			if (status == HttpStatus.OK) {
				return;
			}
			if (status != HttpStatus.SERVICE_UNAVAILABLE) {
				throw new AssertionError("Waiting for position " + position + " answered " + status);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("The projections did not reach position " + position + " within " + atMost);
			}
		}
	}

}
