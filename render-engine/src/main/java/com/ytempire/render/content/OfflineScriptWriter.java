package com.ytempire.render.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A template script sized by the brief's {@link ScriptPlan}: an introduction, as many
 * points as the length holds and a close, each narrated with whole sentences up to its
 * share of the words. No language model, but a real structure, so everything downstream
 * runs with no network and no keys.
 */
public final class OfflineScriptWriter implements ScriptWriter {

	private static final List<Point> POINTS = List.of(
			new Point("Where it started", "Every story about %s begins with a simple question.",
					"The first people to study %s had very few tools.", "Their early answers still shape it today."),
			new Point("How it works", "At its heart, %s follows a few clear rules.", "Each rule is simple on its own.",
					"Together they explain most of what we see."),
			new Point("Why it matters", "%s shapes more of our days than most of us notice.",
					"It touches work, health and the way we learn.", "Small changes in it can have large effects."),
			new Point("A common myth", "Many people believe %s is only for experts.",
					"In fact the basics fit in a few minutes.", "The details can wait until you need them."),
			new Point("A surprising fact", "One fact about %s surprises almost everyone.",
					"It is far older than it looks.", "And it keeps changing as we learn more."),
			new Point("How to start", "The easiest way into %s is one small example.",
					"Try it once, then change one thing.", "Watching what happens teaches more than reading."),
			new Point("What experts watch", "People who work with %s watch a few signs closely.",
					"Those signs warn them early when something drifts.", "You can learn to read them too."),
			new Point("What comes next", "The next few years will change %s again.",
					"New tools make old limits disappear.", "Keep an eye on what people build with them."));

	/**
	 * Said after a scene's own sentences while its share of the words lasts, so long
	 * videos are narrated, not held.
	 */
	private static final List<String> ASIDES = List.of("Think about that for a moment.",
			"It helps to picture a real example.", "This is where most people get curious.",
			"Keep that idea in mind for what comes next.", "Here is why that detail is worth knowing.",
			"Once you see it, you notice it everywhere.");

	private static final int SHORTEST_ASIDE_WORDS = ASIDES.stream().mapToInt(ScriptScene::wordsIn).min().orElseThrow();

	private final PriceTable prices;

	public OfflineScriptWriter(PriceTable prices) {
		this.prices = prices;
	}

	@Override
	public Priced<Script> write(Brief brief) {
		if (brief.topic() == null || brief.topic().isBlank()) {
			throw new IllegalArgumentException("cannot write a script without a topic");
		}
		String subject = brief.topic().strip();
		ScriptPlan plan = ScriptPlan.of(brief);
		int wordsPerScene = plan.wordsPerScene();
		List<ScriptScene> scenes = new ArrayList<>();
		scenes.add(new ScriptScene(subject,
				narration(wordsPerScene, "Today, " + subject + ".", "Welcome! Today we look at " + subject + ".",
						"Stay with us to the end.", "It is simpler than it sounds."),
				"Today: " + subject));
		for (int i = 0; i < plan.scenes() - 2; i++) {
			Point point = POINTS.get(i % POINTS.size());
			String title = (i < POINTS.size()) ? point.title() : point.title() + ", again";
			scenes.add(new ScriptScene(title, narration(wordsPerScene, title + ".", point.sentences(subject)), title));
		}
		scenes.add(new ScriptScene("Thanks for watching",
				narration(wordsPerScene, "Thanks for watching.", "That was " + subject + ".",
						"Subscribe for more explainers like this one.", "See you in the next video."),
				"Subscribe for more"));
		List<String> tags = List.of(subject.toLowerCase(Locale.ROOT), "explainer", brief.style().id());
		Script script = new Script(subject + " explained", "An explainer about " + subject + ".", tags, scenes);
		return new Priced<>(script, this.prices.script(script.characters()));
	}

	/**
	 * The scene's own sentences, then asides, whole sentences up to the word budget. A
	 * budget too small for the first sentence gets the short one, so even the shortest
	 * video the platform schedules is narrated within its length.
	 */
	private static String narration(int words, String brief, String... own) {
		if (ScriptScene.wordsIn(own[0]) > words) {
			return brief;
		}
		StringBuilder narration = new StringBuilder(own[0]);
		int left = words - ScriptScene.wordsIn(own[0]);
		// A sentence too long for what is left is passed over for a shorter one after it.
		for (int i = 1; left >= SHORTEST_ASIDE_WORDS || i < own.length; i++) {
			String next = (i < own.length) ? own[i] : ASIDES.get((i - own.length) % ASIDES.size());
			if (ScriptScene.wordsIn(next) <= left) {
				narration.append(' ').append(next);
				left -= ScriptScene.wordsIn(next);
			}
		}
		return narration.toString();
	}

	private record Point(String title, String... templates) {

		String[] sentences(String subject) {
			String[] sentences = new String[this.templates.length];
			for (int i = 0; i < sentences.length; i++) {
				String sentence = this.templates[i].formatted(subject);
				sentences[i] = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
			}
			return sentences;
		}

	}

}
