package com.ytempire.app.render;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paid provider chosen by configuration does the step, with its key from the
 * environment: here OpenAI's chat completions API, spoken by a local server.
 */
@IntegrationTest
class ConfiguredProvidersTest {

	private static final String KEY = "sk-test-" + UUID.randomUUID();

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

	private static final HttpServer OPENAI = openAi();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		ProductionSwitch.on(registry);
		registry.add("ytempire.render.providers.script", () -> "openai");
		registry.add("ytempire.render.providers.openai-url", () -> "http://127.0.0.1:" + OPENAI.getAddress().getPort());
		registry.add("OPENAI_API_KEY", () -> KEY);
		registry.add("ytempire.render.providers.openai-model", () -> "gpt-4.1");
	}

	@AfterAll
	static void stopOpenAi() {
		OPENAI.stop(0);
	}

	@Test
	void theConfiguredScriptWriterWritesTheScriptAndItsCostIsRecordedUnderItsName() throws InterruptedException {
		Production production = new Production(this.port, TestKeys.OPERATOR, TestKeys.VIEWER);
		String video = production.schedule("tides");

		Map<String, Object> published = production.awaitStage(video, "PUBLISHED", Duration.ofMinutes(3));

		assertThat(AUTHORIZATIONS).contains("Bearer " + KEY);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> costs = (List<Map<String, Object>>) published.get("costs");
		assertThat(costs).filteredOn((cost) -> "SCRIPT".equals(cost.get("category")))
			.singleElement()
			.satisfies((cost) -> {
				assertThat(cost).containsEntry("provider", "openai:gpt-4.1");
				// 1,000 prompt and 200 completion tokens at gpt-4.1's list prices, $2 and
				// $8
				// per million.
				assertThat(cost).containsEntry("amountMicros", 2_000 + 1_600);
			});
		assertThat(Production.payloads(production.events(video), "ScriptReadyEvent")).singleElement()
			.satisfies((script) -> assertThat(script).containsEntry("sceneCount", 2));
	}

	private static HttpServer openAi() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/chat/completions", (exchange) -> {
				AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
				exchange.getRequestBody().readAllBytes();
				Map<String, Object> script = Map.of("title", "Tides explained", "description", "Why the sea moves",
						"tags", List.of("tides"), "scenes",
						List.of(Map.of("title", "The moon", "narration", "The moon pulls the sea.", "caption",
								"The moon"),
								Map.of("title", "Twice a day", "narration", "So tides come twice a day.", "caption",
										"Twice a day")));
				byte[] answer = JSON.writeValueAsBytes(Map.of("id", "chatcmpl-1", "object", "chat.completion", "model",
						"gpt-4o-mini", "choices",
						List.of(Map.of("index", 0, "finish_reason", "stop", "message",
								Map.of("role", "assistant", "content", JSON.writeValueAsString(script)))),
						"usage", Map.of("prompt_tokens", 1000, "completion_tokens", 200, "total_tokens", 1200)));
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start the local OpenAI server", ex);
		}
	}

}
