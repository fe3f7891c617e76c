package com.ytempire.render.providers;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.ytempire.api.video.CostCategory;
import com.ytempire.render.content.Brief;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Script;
import com.ytempire.render.content.ScriptPlan;
import com.ytempire.render.content.ScriptScene;
import com.ytempire.render.content.ScriptWriter;

/**
 * Writes scripts with an OpenAI chat completion. A JSON schema in {@code response_format}
 * makes the model answer in the script's shape; the answer is still checked, because a
 * compatible server may ignore the schema.
 */
public final class OpenAiScriptWriter implements ScriptWriter {

	static final String SYSTEM_PROMPT = """
			You write scripts for short, factual YouTube explainer videos narrated by one voice.
			Answer with JSON only: {"title", "description", "tags", "scenes": [{"title", "narration", "caption"}]}.
			title: at most 90 characters. description: two or three sentences. tags: 3 to 8 lowercase keywords.
			scenes: as many as asked, in order; narration is spoken aloud in whole sentences, no stage directions,
			and all narrations together have about the number of words asked, so the video has its length;
			title is a few words shown large on the scene's picture; caption is at most 8 words.""";

	/** Strict mode wants every property required and no others allowed. */
	private static final String SCRIPT_SCHEMA = """
			{"type": "object", "additionalProperties": false,
			 "required": ["title", "description", "tags", "scenes"],
			 "properties": {
			   "title": {"type": "string"},
			   "description": {"type": "string"},
			   "tags": {"type": "array", "items": {"type": "string"}},
			   "scenes": {"type": "array", "items": {
			     "type": "object", "additionalProperties": false,
			     "required": ["title", "narration", "caption"],
			     "properties": {
			       "title": {"type": "string"},
			       "narration": {"type": "string"},
			       "caption": {"type": "string"}}}}}}""";

	private static final String PROVIDER = "OpenAI";

	private final OpenAiSettings settings;

	private final ProviderHttp http;

	public OpenAiScriptWriter(OpenAiSettings settings) {
		this.settings = settings;
		this.http = new ProviderHttp(PROVIDER, settings.timeout(), List.of(settings.apiKey()), Clock.systemUTC());
	}

	@Override
	public Priced<Script> write(Brief brief) {
		String topic = brief.topic();
		if (topic == null || topic.isBlank()) {
			throw ProviderException.permanent("cannot write a script without a topic", null);
		}
		HttpRequest request = HttpRequest
			.newBuilder(ProviderHttp.endpoint(this.settings.baseUrl(), "/v1/chat/completions"))
			.timeout(this.settings.timeout())
			.header("Authorization", "Bearer " + this.settings.apiKey())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(this.http.write(requestBody(brief))))
			.build();
		JsonNode answer = this.http.parse(this.http.send(request).body());
		// Tokens are billed whether or not the answer is usable.
		ProviderCost cost = cost(answer.path("usage"));
		try {
			return new Priced<>(script(answer, topic.strip()), cost);
		}
		catch (ProviderException ex) {
			throw ex.spending(cost);
		}
	}

	private Script script(JsonNode answer, String topic) {
		JsonNode choice = answer.path("choices").path(0);
		JsonNode message = choice.path("message");
		if (message.path("refusal").isTextual()) {
			throw ProviderException.permanent(
					PROVIDER + " refused to write about '" + topic + "': " + message.path("refusal").asText(), null);
		}
		if ("length".equals(choice.path("finish_reason").asText())) {
			throw ProviderException.permanent(PROVIDER + " stopped at its token limit before the script was complete",
					null);
		}
		if (!message.path("content").isTextual()) {
			throw this.http.malformed("no message content");
		}
		return content(this.http.parse(message.path("content").asText().getBytes(StandardCharsets.UTF_8)), topic);
	}

	private ObjectNode requestBody(Brief brief) {
		ObjectNode body = this.http.json().createObjectNode();
		body.put("model", this.settings.model());
		ArrayNode messages = body.putArray("messages");
		messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
		messages.addObject().put("role", "user").put("content", ask(brief));
		ObjectNode format = body.putObject("response_format");
		format.put("type", "json_schema");
		ObjectNode schema = format.putObject("json_schema");
		schema.put("name", "video_script");
		schema.put("strict", true);
		try {
			schema.set("schema", this.http.json().readTree(SCRIPT_SCHEMA));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("the script schema is not JSON", ex);
		}
		return body;
	}

	/** The brief in words: the length as scenes and words, which a model can count. */
	static String ask(Brief brief) {
		ScriptPlan plan = ScriptPlan.of(brief);
		String title = (brief.title() != null) ? "\nVideo title: " + brief.title() : "";
		return "Topic: " + brief.topic().strip() + title + "\nLength: " + brief.targetLengthSeconds()
				+ " seconds narrated, so " + plan.scenes() + " scenes and about " + plan.words()
				+ " words of narration in all (about " + plan.wordsPerScene() + " a scene)\nLook: "
				+ brief.style().id();
	}

	private Script content(JsonNode content, String topic) {
		List<ScriptScene> scenes = new ArrayList<>();
		for (JsonNode scene : content.path("scenes")) {
			String narration = scene.path("narration").asText("");
			if (!narration.isBlank()) {
				scenes.add(new ScriptScene(scene.path("title").asText("").strip(), narration.strip(),
						scene.path("caption").asText("").strip()));
			}
		}
		if (scenes.isEmpty()) {
			throw ProviderException.permanent(PROVIDER + " wrote an empty script for '" + topic + "'", null);
		}
		if (scenes.size() < content.path("scenes").size()) {
			throw ProviderException
				.permanent(PROVIDER + " wrote a script for '" + topic + "' with scenes that have no narration", null);
		}
		String title = content.path("title").asText("").strip();
		if (title.isEmpty()) {
			throw ProviderException.permanent(PROVIDER + " wrote a script for '" + topic + "' with no title", null);
		}
		List<String> tags = new ArrayList<>();
		content.path("tags").forEach((tag) -> {
			if (!tag.asText("").isBlank()) {
				tags.add(tag.asText().strip());
			}
		});
		return new Script(title, content.path("description").asText("").strip(), tags, scenes);
	}

	/** Both token counts priced, rounded up to a whole micro-dollar. */
	private ProviderCost cost(JsonNode usage) {
		if (!usage.path("prompt_tokens").canConvertToLong() || !usage.path("completion_tokens").canConvertToLong()) {
			throw this.http.malformed("no token usage, so the script's cost is unknown");
		}
		long input = usage.path("prompt_tokens").asLong();
		long output = usage.path("completion_tokens").asLong();
		long microDollars = (input * this.settings.inputPricePerMillionTokens()
				+ output * this.settings.outputPricePerMillionTokens() + 999_999) / 1_000_000;
		return new ProviderCost(CostCategory.SCRIPT, microDollars,
				input + " input + " + output + " output tokens of " + this.settings.model());
	}

}
