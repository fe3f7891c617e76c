package com.ytempire.app.hardening;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.ytempire.app.TestKeys;

/**
 * Generates malformed and hostile requests against the application's real routes, from
 * one seed: broken JSON, wrong types, huge bodies and strings, Unicode edge cases, absurd
 * amounts, unknown ids, path tricks, wrong content types and methods, bad feed resume
 * positions.
 */
final class HostileRequests {

	/**
	 * Text a client may send anywhere; JSON escapes keep lone surrogates and NUL intact.
	 */
	private static final List<String> JSON_STRINGS = List.of("", " ", "a", "\\u0000", "a\\u0000b", "\\ud800",
			"x\\udfffy", "\\u202eevil", "\\u200f\\u200e", "\\ud83c\\udfac\\ud83d\\ude00", "🎬😀", "..",
			"../../etc/passwd", "%2e%2e%2f", "<script>alert(1)</script>", "'; DROP TABLE rm_channel; --", "\\n\\r\\t",
			"\\\\", "ﬀ", "A".repeat(101), "B".repeat(5000), "C".repeat(70_000), "null", "true", "１２３", "\\uFEFF",
			"\\uFFFF");

	private static final List<String> JSON_VALUES = List.of("null", "true", "false", "0", "-1", "1", "-0", "1e308",
			"-1e308", "1e-400", "0.0000001", "123456789012345678901234567890", "9".repeat(1500), "NaN", "Infinity",
			"1.5", "[]", "{}", "[1,2]", "{\"a\":1}", "\"2026-12-01T10:00:00Z\"", "\"yesterday\"", "\"-1\"",
			"\"SCRIPT\"", "\"BRIBES\"", "0.5", "1000.000001", "-0.01");

	private static final List<String> FIELDS = List.of("name", "niche", "youtubeChannelRef", "dailyVideoQuota",
			"costCapPerVideo", "dailyBudget", "channelId", "title", "topic", "publishAt", "style",
			"targetLengthSeconds", "costId", "category", "amount", "provider", "units", "reason", "surprise",
			"__proto__", "");

	/** Path segments, already percent-encoded where a URI needs it. */
	private static final List<String> SEGMENTS = List.of("no-such-id", "..", "%2e%2e", "%2e%2e%2fadmin", "a%2fb", "%2F",
			"%00", "a%00b", "%ED%A0%80", "%E2%80%AE", "%F0%9F%8E%AC", "%FF%FE", ".", "%20", "x".repeat(300),
			"y".repeat(9000), "%25", "%", "%zz", ";jsessionid=1", "all%3Bdrop", "-1", "0", "9223372036854775808");

	private static final List<String> PARAMETERS = List.of("status", "niche", "q", "sort", "order", "limit", "cursor",
			"from", "to", "period", "channelId", "category", "day", "maxPoints", "format", "kinds", "at", "stage",
			"lastEventId", "minPosition", "x");

	private static final List<String> PARAMETER_VALUES = List.of("", "-1", "0", "1", "abc", "9999999999999999999999",
			"1.5", "NaN", "desc", "asc", "name", "csv", "json", "xml", "day", "week", "month", "year", "2026-13-45",
			"2026-12-01T10:00:00Z", "2026-12-01", "stage,cost", "stage,evil", "%00", "%ED%A0%80", "%F0%9F%8E%AC",
			"z".repeat(3000), "..%2f..%2f", "%2e%2e", "YWJj", "!!!", "published", "FAILED");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
			"application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=bogus",
			";;;", "application/problem+json", "*/*");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");

	private final Random random;

	private final List<String> routes;

	private final List<String> knownIds;

	HostileRequests(long seed, List<String> routes, List<String> knownIds) {
		this.random = new Random(seed);
		this.routes = routes;
		this.knownIds = knownIds;
	}

	Http.Call next() {
		String route = pick(this.routes);
		String method = route.substring(0, route.indexOf(' '));
		if (chance(10)) {
			method = pick(METHODS);
		}
		String path = fill(route.substring(route.indexOf(' ') + 1));
		if (method.equals("GET") && chance(60)) {
			path = path + "?" + query();
		}
		if (chance(5)) {
			path = pathTrick(path);
		}
		Map<String, String> headers = new HashMap<>();
		byte[] body = null;
		if (!method.equals("GET") || chance(3)) {
			body = body();
			headers.put("Content-Type", pick(CONTENT_TYPES));
		}
		if (path.startsWith("/api/v1/feed") || chance(3)) {
			headers.put("Last-Event-ID", pick(PARAMETER_VALUES).replace("%", ""));
		}
		if (chance(5)) {
			headers.put("Idempotency-Key", chance(50) ? "k".repeat(5000) : "key-" + this.random.nextInt(5));
		}
		if (chance(5)) {
			headers.put("Accept", pick(List.of("application/xml", "text/csv", "image/png", "*/*;q=x", "")));
		}
		return new Http.Call(method, path, key(), headers, body, body != null && chance(20));
	}

	private String key() {
		int roll = this.random.nextInt(100);
		if (roll < 4) {
			return null;
		}
		if (roll < 6) {
			return "not-a-key-" + this.random.nextInt(1000) + "-0123456789abcdef";
		}
		return pick(List.of(TestKeys.VIEWER, TestKeys.OPERATOR, TestKeys.ADMIN, TestKeys.ADMIN));
	}

	private String fill(String pattern) {
		String path = pattern.replace("{*path}", chance(50) ? "liveness" : pick(SEGMENTS)).replace("/**", "/x.js");
		while (path.contains("{")) {
			int start = path.indexOf('{');
			int end = path.indexOf('}', start);
			String value = chance(40) ? pick(this.knownIds) : pick(SEGMENTS);
			if (pattern.contains("{metric}") && chance(50)) {
				value = pick(List.of("videos-generated", "failures", "cost"));
			}
			path = path.substring(0, start) + value + path.substring(end + 1);
		}
		return path;
	}

	private String query() {
		StringBuilder query = new StringBuilder();
		int count = 1 + this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String name = pick(PARAMETERS);
			String value = pick(PARAMETER_VALUES);
			if (name.equals("minPosition") && value.matches("\\d{1,18}") && value.length() > 1) {
				// A well-formed position beyond the store's head is waited for (503 after
				// a
				// while, by design); the fuzzer is after bad input, not slow answers.
				value = "0";
			}
			query.append(i == 0 ? "" : "&").append(name).append('=').append(value);
		}
		return query.toString();
	}

	private String pathTrick(String path) {
		return switch (this.random.nextInt(6)) {
			case 0 -> "/api/v1/../api/v1/admin/dead-letters";
			case 1 -> path.replace("/api/v1/", "/api/v1/%2e%2e/");
			case 2 -> path.replace("/api/v1/", "/api//v1//");
			case 3 -> path + "/" + "s".repeat(4000);
			case 4 -> path.replace("/api/v1", "/API/V1");
			default -> path + "%2f..%2f..%2fetc%2fpasswd";
		};
	}

	private byte[] body() {
		return switch (this.random.nextInt(12)) {
			case 0 -> new byte[0];
			case 1 -> "{\"name\":".getBytes(StandardCharsets.UTF_8);
			case 2 -> "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
			case 3 -> ("{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001)).getBytes(StandardCharsets.UTF_8);
			case 4 -> bytes(1 + this.random.nextInt(2000));
			case 5 -> new byte[] { (byte) 0xC0, (byte) 0xAF, '{', '}', (byte) 0xFF };
			case 6 -> ("{\"name\":\"" + "w".repeat(80_000) + "\"}").getBytes(StandardCharsets.UTF_8);
			default -> object().getBytes(StandardCharsets.UTF_8);
		};
	}

	/** A JSON object of real field names with hostile values. */
	private String object() {
		StringBuilder json = new StringBuilder("{");
		int fields = this.random.nextInt(8);
		for (int i = 0; i < fields; i++) {
			json.append(i == 0 ? "" : ",").append('"').append(pick(FIELDS)).append("\":");
			json.append(chance(50) ? "\"" + pick(JSON_STRINGS) + "\"" : pick(JSON_VALUES));
		}
		if (chance(10)) {
			json.append(",");
		}
		return json.append(chance(95) ? "}" : "").toString();
	}

	private byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
