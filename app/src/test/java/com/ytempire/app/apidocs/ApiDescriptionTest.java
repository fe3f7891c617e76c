package com.ytempire.app.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.hardening.RouteRoleTest;
import com.ytempire.app.hardening.RouteRoleTest.Needs;
import com.ytempire.app.hardening.Routes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description names every route the running application really has, each with
 * the problems it can answer and the content types of its answers, so a client generated
 * from it misses nothing and a new route cannot ship undescribed.
 */
@IntegrationTest
class ApiDescriptionTest {

	/** Routes that are deliberately not part of the API, and why. */
	private static final Map<String, String> NOT_API = Map.ofEntries(
			// Actuator: for load balancers, Prometheus and operators, not API clients.
			Map.entry("GET /health", "health checks"), Map.entry("GET /health/{*path}", "health groups"),
			Map.entry("GET /api/metrics", "the Prometheus scrape"), Map.entry("GET /info", "the build that runs"),
			// The operator console's static pages and the browser libraries they load.
			Map.entry("GET /", "the console's welcome page"), Map.entry("GET /**", "console assets"),
			Map.entry("GET /webjars/**", "browser libraries"));

	/** springdoc's own routes: the description does not describe itself. */
	private static final String DESCRIPTION_ROUTES = "GET /v3/api-docs";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everyRouteIsDescribedWithItsProblemsAndContentTypes() {
		JsonNode paths = description().get("paths");
		Set<String> routes = Routes.of(this.context)
			.stream()
			.filter((route) -> !NOT_API.containsKey(route) && !route.startsWith(DESCRIPTION_ROUTES))
			.collect(Collectors.toCollection(TreeSet::new));
		List<String> wrong = new ArrayList<>();
		for (String route : routes) {
			String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
			JsonNode operation = paths.path(route.substring(route.indexOf(' ') + 1)).path(method);
			if (operation.isMissingNode()) {
				wrong.add(route + ": not described");
			}
			else {
				checkResponses(route, operation.get("responses"), wrong);
			}
		}
		assertThat(routes).as("API routes").contains("POST /api/v1/channels", "GET /api/v1/feed");
		assertThat(wrong).isEmpty();
	}

	@Test
	void requestAndResponseRecordsHaveSchemas() {
		assertThat(description().get("components").get("schemas").propertyNames())
			.contains("CreateChannelRequest", "ChannelSettingsRequest", "ReasonRequest", "ScheduleVideoRequest",
					"RecordCostRequest", "CommandAccepted", "Page", "RebuildStatus", CommonProblems.SCHEMA)
			.doesNotContain("DataBuffer");
	}

	@Test
	void queriesTakeTheReadYourWritesPosition() {
		JsonNode parameters = description().get("paths").get("/api/v1/overview").get("get").get("parameters");
		assertThat(parameters.findValuesAsString("name")).contains("minPosition");
	}

	@Test
	void theDescriptionNeedsAnyValidKeyAndComesInYamlToo() {
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		anonymous.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Api.at(this.port, "unknown-key-0123456789abcdef0123")
			.client()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		String yaml = Api.at(this.port, TestKeys.VIEWER)
			.client()
			.get()
			.uri("/v3/api-docs.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(yaml).startsWith("openapi: 3.").contains("/api/v1/channels:");
	}

	/**
	 * Every error answer is a problem, at least one is declared, every success names what
	 * it sends, and 403 is declared where the role table says a viewer is refused.
	 */
	private static void checkResponses(String route, JsonNode responses, List<String> wrong) {
		int problems = 0;
		for (Map.Entry<String, JsonNode> response : responses.properties()) {
			String code = response.getKey();
			Set<String> types = Set.copyOf(response.getValue().path("content").propertyNames());
			if (code.startsWith("4") || code.startsWith("5")) {
				problems++;
				if (!types.equals(Set.of(MediaType.APPLICATION_PROBLEM_JSON_VALUE))) {
					wrong.add(route + ": " + code + " is not a problem but " + types);
				}
			}
			else if (types.isEmpty() || types.contains(MediaType.ALL_VALUE)) {
				wrong.add(route + ": " + code + " names no content type but " + types);
			}
		}
		if (problems == 0) {
			wrong.add(route + ": no problem responses");
		}
		Needs needs = RouteRoleTest.TABLE.get(route);
		boolean refusesViewers = needs == Needs.OPERATOR || needs == Needs.ADMIN;
		if (responses.has("403") != refusesViewers) {
			wrong.add(route + ": needs " + needs + " but 403 is " + (refusesViewers ? "missing" : "declared"));
		}
	}

	private JsonNode description() {
		String body = Api.at(this.port, TestKeys.VIEWER)
			.client()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonMapper.builder().build().readTree(body);
	}

}
