package com.ytempire.app.apidocs;

import java.math.BigDecimal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;

/**
 * The OpenAPI description that springdoc generates from the controllers at
 * {@code /v3/api-docs}, completed with what it cannot see there: how a client presents
 * its API key, and the problem answers that filters and exception handlers give before or
 * instead of a controller.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfiguration {

	private static final String BEARER = "bearer";

	private static final String API_KEY = "apiKey";

	@Bean
	OpenAPI apiDescription() {
		return new OpenAPI()
			.info(new Info().title("YTEmpire API")
				.description("Commands and queries of the YTEmpire back end. Every refusal is an RFC 9457 problem "
						+ "(application/problem+json)."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("Authorization: Bearer <API key>"))
				.addSecuritySchemes(API_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-API-Key")
							.description("The same API key, for tools that cannot set Authorization")))
			// Two requirements: either header will do.
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY));
	}

	@Bean
	OpenApiCustomizer commonProblems() {
		return new CommonProblems();
	}

	/**
	 * Read-your-writes: every query takes the position a command answered with. A filter
	 * in front of the controllers reads it, so springdoc cannot see it.
	 */
	@Bean
	OpenApiCustomizer readYourWrites() {
		Parameter minPosition = new Parameter().in("query")
			.name("minPosition")
			.description("The position a command answered with: the answer waits until the read models have "
					+ "applied it, or is 503 with Retry-After if they do not in a few seconds")
			.schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
		return (api) -> api.getPaths().forEach((path, item) -> {
			if (item.getGet() != null && path.startsWith("/api/v1/")) {
				item.getGet().addParametersItem(minPosition);
			}
		});
	}

	/**
	 * The lists, exports and series stream buffers and describe what the buffers carry;
	 * springdoc still lists a schema of the buffer type itself, which nothing refers to.
	 */
	@Bean
	OpenApiCustomizer withoutBufferSchema() {
		return (api) -> api.getComponents().getSchemas().remove(DataBuffer.class.getSimpleName());
	}

}
