package com.ytempire.app.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the application has needs the role this table says, no more and no less:
 * each is called with no key, a key the service does not know, and the viewer, operator
 * and admin keys. A route that is not in the table fails the test by name, so a new
 * endpoint cannot ship without someone deciding who may call it.
 */
@IntegrationTest
public class RouteRoleTest {

	/** Who may call a route. {@code PUBLIC_STATIC}: console assets, public by design. */
	public enum Needs {

		NONE, VIEWER, OPERATOR, ADMIN, PUBLIC_STATIC

	}

	public static final Map<String, Needs> TABLE = new TreeMap<>(Map.ofEntries(
			// Health for load balancers and the Prometheus scrape (actuator).
			Map.entry("GET /health", Needs.NONE), Map.entry("GET /health/{*path}", Needs.NONE),
			Map.entry("GET /api/metrics", Needs.NONE),
			// The build that runs (actuator): its version is no stranger's business.
			Map.entry("GET /info", Needs.VIEWER),
			// The API description (JSON and YAML): it maps every route, so not for
			// strangers.
			Map.entry("GET /v3/api-docs", Needs.VIEWER), Map.entry("GET /v3/api-docs.yaml", Needs.VIEWER),
			// Static console assets and WebJars.
			Map.entry("GET /", Needs.PUBLIC_STATIC), Map.entry("GET /**", Needs.PUBLIC_STATIC),
			Map.entry("GET /webjars/**", Needs.PUBLIC_STATIC),
			// Commands.
			Map.entry("POST /api/v1/channels", Needs.OPERATOR),
			Map.entry("PUT /api/v1/channels/{channelId}/settings", Needs.OPERATOR),
			Map.entry("POST /api/v1/channels/{channelId}/pause", Needs.OPERATOR),
			Map.entry("POST /api/v1/channels/{channelId}/resume", Needs.OPERATOR),
			Map.entry("POST /api/v1/channels/{channelId}/archive", Needs.OPERATOR),
			Map.entry("POST /api/v1/videos", Needs.OPERATOR),
			Map.entry("POST /api/v1/videos/{videoId}/cancel", Needs.OPERATOR),
			Map.entry("POST /api/v1/videos/{videoId}/costs", Needs.OPERATOR),
			// Queries.
			Map.entry("GET /api/v1/channels", Needs.VIEWER),
			Map.entry("GET /api/v1/channels/{channelId}", Needs.VIEWER),
			Map.entry("GET /api/v1/channels/{channelId}/videos", Needs.VIEWER),
			Map.entry("GET /api/v1/videos", Needs.VIEWER), Map.entry("GET /api/v1/videos/{videoId}", Needs.VIEWER),
			Map.entry("GET /api/v1/overview", Needs.VIEWER), Map.entry("GET /api/v1/costs", Needs.VIEWER),
			Map.entry("GET /api/v1/costs/videos", Needs.VIEWER), Map.entry("GET /api/v1/costs/budget", Needs.VIEWER),
			Map.entry("GET /api/v1/series/{metric}", Needs.VIEWER), Map.entry("GET /api/v1/feed", Needs.VIEWER),
			Map.entry("GET /api/v1/audit/{aggregateId}", Needs.VIEWER),
			// The console's own calls and rendered media.
			Map.entry("GET /api/v1/session", Needs.VIEWER), Map.entry("GET /api/v1/console/health", Needs.VIEWER),
			Map.entry("GET /api/v1/console/alert-rules", Needs.VIEWER),
			Map.entry("GET /api/v1/media/{contentHash}", Needs.VIEWER),
			// Maintenance.
			Map.entry("POST /api/v1/admin/projections/{name}/rebuild", Needs.ADMIN),
			Map.entry("GET /api/v1/admin/projections/rebuild", Needs.ADMIN),
			Map.entry("GET /api/v1/admin/dead-letters", Needs.ADMIN),
			Map.entry("POST /api/v1/admin/dead-letters/retry", Needs.ADMIN)));

	private static final String UNKNOWN_KEY = "unknown-key-0123456789abcdef0123";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	/**
	 * Rows for routes this build lacks are allowed: the table may name a route before the
	 * code that serves it arrives.
	 */
	@Test
	void everyRouteIsInTheTable() {
		assertThat(Routes.of(this.context)).as("routes the application has but the role table lacks")
			.isSubsetOf(TABLE.keySet());
	}

	@Test
	void everyRouteNeedsExactlyItsRole() throws Exception {
		Http http = new Http(this.port);
		List<String> wrong = new ArrayList<>();
		for (String route : Routes.of(this.context)) {
			Needs needs = TABLE.get(route);
			if (needs == null) {
				continue;
			}
			String method = route.substring(0, route.indexOf(' '));
			String path = samplePath(route.substring(route.indexOf(' ') + 1));
			Map<String, Integer> statuses = new TreeMap<>();
			statuses.put("0 no key", call(http, method, path, null));
			statuses.put("1 unknown key", call(http, method, path, UNKNOWN_KEY));
			statuses.put("2 viewer", call(http, method, path, TestKeys.VIEWER));
			statuses.put("3 operator", call(http, method, path, TestKeys.OPERATOR));
			statuses.put("4 admin", call(http, method, path, TestKeys.ADMIN));
			if (!fits(needs, statuses)) {
				wrong.add(route + " needs " + needs + " but answered " + statuses);
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static boolean fits(Needs needs, Map<String, Integer> statuses) {
		if (statuses.values().stream().anyMatch((status) -> status >= 500)) {
			return false;
		}
		int noKey = statuses.get("0 no key");
		int unknown = statuses.get("1 unknown key");
		int viewer = statuses.get("2 viewer");
		int operator = statuses.get("3 operator");
		int admin = statuses.get("4 admin");
		return switch (needs) {
			case PUBLIC_STATIC -> true;
			case NONE -> allowed(noKey) && allowed(unknown) && allowed(viewer) && allowed(admin);
			case VIEWER -> noKey == 401 && unknown == 401 && allowed(viewer) && allowed(operator) && allowed(admin);
			case OPERATOR -> noKey == 401 && unknown == 401 && viewer == 403 && allowed(operator) && allowed(admin);
			case ADMIN -> noKey == 401 && unknown == 401 && viewer == 403 && operator == 403 && allowed(admin);
		};
	}

	private static boolean allowed(int status) {
		return status != 401 && status != 403;
	}

	/**
	 * An invalid body and unknown ids: an allowed call is answered (400, 404, 422...)
	 * without changing anything.
	 */
	private static int call(Http http, String method, String path, String key) throws Exception {
		Http.Call call = Http.Call.of(method, path, key);
		if (!method.equals("GET")) {
			call = call.json("{}");
		}
		return http.send(call).status();
	}

	/** The pattern with its variables filled with ids nobody has. */
	static String samplePath(String pattern) {
		return pattern.replace("{*path}", "liveness")
			.replace("/**", "/index.html")
			.replaceAll("\\{[^}]+\\}", "no-such-id");
	}

}
