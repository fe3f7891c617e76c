package com.ytempire.app.security;

import com.ytempire.api.audit.AuditMetaData;
import com.ytempire.app.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes one line per refused request to the {@code ytempire.audit} logger, so that an
 * operator can follow key guessing, a client with a stale key or a role that is too
 * small, apart from the rest of the log. A key is named by its holder, never by its
 * secret; an unknown key has no holder, and nothing it sent is written.
 */
final class RefusalAudit {

	static final String LOGGER = "ytempire.audit";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	/** Paths are the client's text: a bound keeps one request from flooding the log. */
	private static final int MAX_PATH_LENGTH = 200;

	static final String NO_KEY = "-";

	private RefusalAudit() {
	}

	/**
	 * @param keyName the holder of the key the request presented, or {@code null} when it
	 * presented no known key
	 */
	static void refused(ServerWebExchange exchange, HttpStatus status, String reason, String keyName) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		if (path.length() > MAX_PATH_LENGTH) {
			path = path.substring(0, MAX_PATH_LENGTH) + "...";
		}
		String key = (keyName != null) ? keyName : NO_KEY;
		String client = ClientAddress.of(request);
		// The line is labelled here, as the thread may no longer be the one the request's
		// filter labelled; a label already there is put back afterwards.
		String label = MDC.get(AuditMetaData.REQUEST_ID);
		MDC.put(AuditMetaData.REQUEST_ID, RequestIdFilter.of(exchange));
		try {
			// Elastic Common Schema names, which the JSON format nests as that schema has
			// it.
			log.atWarn()
				.addKeyValue("http.response.status_code", status.value())
				.addKeyValue("http.request.method", request.getMethod().name())
				.addKeyValue("url.path", path)
				.addKeyValue("client.address", client)
				.addKeyValue("user.name", key)
				.addKeyValue("event.reason", reason)
				.log("Refused {} {} {} from {} with key {}: {}", status.value(), request.getMethod().name(), path,
						client, key, reason);
		}
		finally {
			if (label != null) {
				MDC.put(AuditMetaData.REQUEST_ID, label);
			}
			else {
				MDC.remove(AuditMetaData.REQUEST_ID);
			}
		}
	}

}
