package com.ytempire.app.apidocs;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds to every operation the problems that the filters and exception handlers in front
 * of all controllers can answer, so a controller declares only those of its own (an
 * unknown id, a conflict), and gives every error answer the problem body: the service
 * answers every error with one. What a route may answer follows from the request guards:
 * every request is checked and rate limited, only a viewer's reads pass with the lowest
 * role, and only a request with a body can be too large or of the wrong type.
 */
class CommonProblems implements OpenApiCustomizer {

	static final String SCHEMA = "ProblemDetail";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	@Override
	public void customise(OpenAPI api) {
		// Here: given with the OpenAPI bean's components, the schema was gone from the
		// description, as nothing referred to it before the customizers ran.
		api.getComponents().addSchemas(SCHEMA, problemSchema());
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> describe(path, method, operation)));
	}

	private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		responses.putIfAbsent("400",
				problem("The request is not valid: a parameter, header or body that cannot be read or breaks a rule"));
		responses.putIfAbsent("401", problem("No API key, or one this service does not know"));
		if (needsMoreThanViewer(path, method)) {
			responses.putIfAbsent("403", problem("The API key's role does not allow this request"));
		}
		if (operation.getRequestBody() != null) {
			responses.putIfAbsent("413", problem("The request body is larger than this service accepts"));
			responses.putIfAbsent("415", problem("The request body is not JSON"));
		}
		responses.putIfAbsent("429", retryLater(problem("Over this client's rate limit")));
		responses.putIfAbsent("500", problem("An unexpected failure; it has been logged"));
		responses.putIfAbsent("503",
				retryLater(problem("The service sheds load it cannot serve now, or the database did not answer")));
		// Also those a controller declares: springdoc gives them its success schema.
		responses.forEach((code, response) -> {
			if (isError(code)) {
				response.setContent(problemContent());
			}
		});
	}

	/**
	 * Mirrors the security configuration: a viewer may read everything but maintenance.
	 */
	private static boolean needsMoreThanViewer(String path, PathItem.HttpMethod method) {
		return method != PathItem.HttpMethod.GET || path.startsWith("/api/v1/admin/");
	}

	private static boolean isError(String code) {
		return code.startsWith("4") || code.startsWith("5");
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(problemContent());
	}

	private static ApiResponse retryLater(ApiResponse response) {
		return response.addHeaderObject("Retry-After",
				new Header().description("Seconds to wait before trying again").schema(new IntegerSchema()));
	}

	/** Spring's ProblemDetail as it is written: RFC 9457's members, and extensions. */
	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem")
			.properties(Map.of("type", new StringSchema().format("uri").example("about:blank"), "title",
					new StringSchema(), "status", new IntegerSchema(), "detail", new StringSchema(), "instance",
					new StringSchema().format("uri")))
			.additionalProperties(true);
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
	}

}
