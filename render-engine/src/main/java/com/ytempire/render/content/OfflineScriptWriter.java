package com.ytempire.render.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A template script: an introduction, three points and a close. No language model, but a
 * real structure, so everything downstream runs with no network and no keys.
 */
public final class OfflineScriptWriter implements ScriptWriter {

	private final PriceTable prices;

	public OfflineScriptWriter(PriceTable prices) {
		this.prices = prices;
	}

	@Override
	public Priced<Script> write(String topic) {
		if (topic == null || topic.isBlank()) {
			throw new IllegalArgumentException("cannot write a script without a topic");
		}
		String subject = topic.strip();
		List<ScriptScene> scenes = new ArrayList<>();
		scenes.add(new ScriptScene(subject, "Welcome! Today we look at " + subject + " in under a minute.",
				"Today: " + subject));
		String[] angles = { "Where it started", "How it works", "Why it matters" };
		for (String angle : angles) {
			scenes.add(new ScriptScene(angle, angle + ". " + sentenceFor(angle, subject), angle));
		}
		scenes.add(new ScriptScene("Thanks for watching",
				"That was " + subject + ". Subscribe for more short explainers like this one.", "Subscribe for more"));
		List<String> tags = List.of(subject.toLowerCase(Locale.ROOT), "explainer", "shorts");
		Script script = new Script(subject + " explained", "A short explainer about " + subject + ".", tags, scenes);
		return new Priced<>(script, this.prices.script(script.characters()));
	}

	private static String sentenceFor(String angle, String subject) {
		return switch (angle) {
			case "Where it started" -> "Every story about " + subject + " begins with a simple question.";
			case "How it works" -> "At its heart, " + subject + " follows a few clear rules.";
			default -> subject + " shapes more of our days than most of us notice.";
		};
	}

}
