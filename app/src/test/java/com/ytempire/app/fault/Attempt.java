package com.ytempire.app.fault;

/**
 * One request the load client sent, and what came back.
 *
 * @param node the application process it went to
 * @param status the HTTP status, 0 when no answer came
 * @param returnedId the id the answer named, if any
 * @param position the event-store position the answer named, if any
 */
record Attempt(String node, Outcome outcome, int status, String returnedId, Long position) {

	/** How an answer counts towards the promise. */
	enum Outcome {

		/** 2xx: the command is applied, exactly once. */
		ACKNOWLEDGED,
		/** 4xx: nothing of it may be stored. */
		REJECTED,
		/** 5xx: the service failed to say; it may or may not be stored. */
		SERVER_ERROR,
		/**
		 * The connection was reset or no answer came in time: it may or may not be
		 * stored.
		 */
		NO_ANSWER,
		/**
		 * The connection was refused: the request never reached the service. Counted with
		 * the unknown outcomes all the same, since the audit makes no claim about them.
		 */
		REFUSED;

		boolean unknown() {
			return this == SERVER_ERROR || this == NO_ANSWER || this == REFUSED;
		}

	}

}
