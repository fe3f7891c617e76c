package com.ytempire.api.audit;

/**
 * Names of the metadata that an event keeps about the request that caused it. The same
 * names label the request's log lines, so one search finds both the events and the logs.
 */
public final class AuditMetaData {

	/**
	 * The HTTP request's id: the client's {@code X-Request-Id} when it sent a usable one,
	 * else one the service made.
	 */
	public static final String REQUEST_ID = "requestId";

	private AuditMetaData() {
	}

}
