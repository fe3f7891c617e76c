package com.ytempire.render.providers;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.ytempire.api.video.CostCategory;
import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.content.Brief;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Script;
import com.ytempire.render.providers.FakeServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpenAiScriptWriterTest {

	private static final String KEY = "sk-test-4f9a0c2e7b1d";

	private static final String PATH = "/v1/chat/completions";

	private static final String SCRIPT = """
			{"title": "Volcanoes in 60 seconds", "description": "How volcanoes form.",
			 "tags": ["volcanoes", "geology"],
			 "scenes": [
			   {"title": "Magma", "narration": "Deep below, rock melts into magma.", "caption": "Rock melts"},
			   {"title": "Eruption", "narration": "Pressure pushes it up and out.", "caption": "Up and out"}]}""";

	private final ObjectMapper json = new ObjectMapper();

	private FakeServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = FakeServer.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void writesTheScriptTheModelAnsweredAndPricesItsTokens() throws IOException {
		this.server.on(PATH, (request) -> Reply.json(200, completion(SCRIPT, 1_200, 350)));

		Priced<Script> script = writer(Duration.ofSeconds(5))
			.write(new Brief("Volcanoes in 60 seconds", " Volcanoes ", VideoStyle.NEON, 60));

		assertThat(script.value().title()).isEqualTo("Volcanoes in 60 seconds");
		assertThat(script.value().description()).isEqualTo("How volcanoes form.");
		assertThat(script.value().tags()).containsExactly("volcanoes", "geology");
		assertThat(script.value().scenes()).extracting((scene) -> scene.title() + "|" + scene.caption())
			.containsExactly("Magma|Rock melts", "Eruption|Up and out");
		assertThat(script.value().scenes().get(1).narration()).isEqualTo("Pressure pushes it up and out.");
		// 1,200 x $0.15/M + 350 x $0.60/M = 180 + 210 micro-dollars.
		assertThat(script.cost().category()).isEqualTo(CostCategory.SCRIPT);
		assertThat(script.cost().microDollars()).isEqualTo(390);
		assertThat(script.cost().detail()).isEqualTo("1200 input + 350 output tokens of gpt-4o-mini");

		FakeServer.Request request = this.server.onlyRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		JsonNode body = request.json();
		assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
		assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
		assertThat(body.path("messages").path(0).path("content").asText()).contains("JSON");
		assertThat(body.path("messages").path(1).path("role").asText()).isEqualTo("user");
		assertThat(body.path("messages").path(1).path("content").asText()).isEqualTo("""
				Topic: Volcanoes
				Video title: Volcanoes in 60 seconds
				Length: 60 seconds narrated, so 8 scenes and about 120 words of narration in all (about 15 a scene)
				Look: neon""");
		JsonNode format = body.path("response_format");
		assertThat(format.path("type").asText()).isEqualTo("json_schema");
		assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
		JsonNode schema = format.path("json_schema").path("schema");
		assertThat(schema.path("required")).extracting(JsonNode::asText)
			.containsExactly("title", "description", "tags", "scenes");
		assertThat(schema.path("properties").path("scenes").path("items").path("required")).extracting(JsonNode::asText)
			.containsExactly("title", "narration", "caption");
	}

	@Test
	void serverErrorIsRetryable() {
		this.server.on(PATH, (request) -> Reply.json(500, "{\"error\": {\"message\": \"The server had an error\"}}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofSeconds(5)).write(brief("x")))
			.withMessage("OpenAI answered 500: The server had an error")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void rateLimitCarriesTheWaitTheServerAskedFor() {
		this.server.on(PATH, (request) -> new Reply(429, Map.of("Retry-After", "7"),
				"{\"error\": {\"message\": \"Rate limit reached\"}}".getBytes()));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofSeconds(5)).write(brief("x")))
			.withMessage("OpenAI answered 429: Rate limit reached")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue())
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(7)));
	}

	@Test
	void refusedKeyIsPermanentAndTheMessageNeverShowsIt() {
		// OpenAI's own 401 repeats the key it was given.
		this.server.on(PATH, (request) -> Reply.json(401, "{\"error\": {\"message\": \"Incorrect API key provided: "
				+ KEY + ".\", \"code\": \"invalid_api_key\"}}"));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofSeconds(5)).write(brief("x")))
			.withMessageStartingWith("OpenAI answered 401: Incorrect API key provided")
			.withMessageNotContaining(KEY)
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void silentServerTimesOutAsRetryable() {
		this.server.silentOn(PATH);

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofMillis(300)).write(brief("x")))
			.withMessage("OpenAI did not answer within 300 ms")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void unreachableServerIsRetryable() throws IOException {
		URI closed;
		try (FakeServer gone = FakeServer.start()) {
			closed = gone.baseUrl();
		}
		OpenAiSettings settings = new OpenAiSettings(closed, KEY, "gpt-4o-mini", Duration.ofSeconds(2), 150_000,
				600_000);

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> new OpenAiScriptWriter(settings).write(brief("x")))
			.withMessageStartingWith("OpenAI could not be reached")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void answerThatIsNotJsonIsPermanent() {
		this.server.on(PATH, (request) -> Reply.bytes("text/html", "<html>Bad gateway page</html>".getBytes()));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofSeconds(5)).write(brief("x")))
			.withMessageStartingWith("OpenAI answered malformed JSON: <html>Bad gateway page</html>")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void scriptThatIsNotJsonIsPermanent() {
		this.server.on(PATH, (request) -> Reply.json(200, completion("Sure! Here is your script: ...", 10, 10)));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofSeconds(5)).write(brief("x")))
			.withMessageStartingWith("OpenAI answered malformed JSON: Sure! Here is your script")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse())
			.satisfies((ex) -> assertThat(ex.spent()).isPresent());
	}

	@Test
	void emptyScriptIsPermanent() {
		this.server.on(PATH, (request) -> Reply.json(200,
				completion("{\"title\": \"T\", \"description\": \"\", \"tags\": [], \"scenes\": []}", 10, 10)));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofSeconds(5)).write(brief("Tides")))
			.withMessage("OpenAI wrote an empty script for 'Tides'")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse())
			.satisfies((ex) -> assertThat(ex.spent()).as("the unusable answer's tokens are billed")
				.hasValueSatisfying((cost) -> assertThat(cost.microDollars()).isEqualTo(8)));
	}

	@Test
	void scenesWithoutNarrationArePermanent() {
		String script = "{\"title\": \"T\", \"description\": \"\", \"tags\": [], \"scenes\": ["
				+ "{\"title\": \"A\", \"narration\": \"Said.\", \"caption\": \"\"},"
				+ "{\"title\": \"B\", \"narration\": \" \", \"caption\": \"\"}]}";
		this.server.on(PATH, (request) -> Reply.json(200, completion(script, 10, 10)));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofSeconds(5)).write(brief("Tides")))
			.withMessage("OpenAI wrote a script for 'Tides' with scenes that have no narration")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void refusalIsPermanent() {
		this.server.on(PATH, (request) -> Reply.json(200, """
				{"choices": [{"index": 0, "finish_reason": "stop",
				  "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."}}],
				 "usage": {"prompt_tokens": 5, "completion_tokens": 5}}"""));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> writer(Duration.ofSeconds(5)).write(brief("Tides")))
			.withMessage("OpenAI refused to write about 'Tides': I can't help with that.")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	private OpenAiScriptWriter writer(Duration timeout) {
		return new OpenAiScriptWriter(new OpenAiSettings(this.server.baseUrl(), KEY, OpenAiSettings.DEFAULT_MODEL,
				timeout, OpenAiSettings.DEFAULT_INPUT_PRICE, OpenAiSettings.DEFAULT_OUTPUT_PRICE));
	}

	/** A chat completion as the API answers it, the script as the message's text. */
	private static Brief brief(String topic) {
		return new Brief(topic, topic, VideoStyle.DEFAULT, 30);
	}

	private String completion(String content, int promptTokens, int completionTokens) throws IOException {
		ObjectNode answer = this.json.createObjectNode();
		answer.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-4o-mini");
		ObjectNode choice = answer.putArray("choices").addObject();
		choice.put("index", 0).put("finish_reason", "stop");
		choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
		answer.putObject("usage")
			.put("prompt_tokens", promptTokens)
			.put("completion_tokens", completionTokens)
			.put("total_tokens", promptTokens + completionTokens);
		return this.json.writeValueAsString(answer);
	}

}
