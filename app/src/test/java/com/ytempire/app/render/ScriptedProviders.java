package com.ytempire.app.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.ytempire.api.video.VideoStyle;
import com.ytempire.render.content.Brief;
import com.ytempire.render.content.ImageGenerator;
import com.ytempire.render.content.PriceTable;
import com.ytempire.render.content.Priced;
import com.ytempire.render.content.ProceduralImageGenerator;
import com.ytempire.render.content.ProviderException;
import com.ytempire.render.content.Script;
import com.ytempire.render.content.ScriptScene;
import com.ytempire.render.content.ScriptWriter;

/**
 * Content providers that misbehave on cue, by the video's topic, the way real services
 * do: a 500 once, an answer that comes too late, an empty script, bytes that are not an
 * image. Any other topic gets a short two-scene script, so renders stay quick.
 */
final class ScriptedProviders implements ScriptWriter, ImageGenerator {

	/** About as long as the two scenes are spoken, so nothing is held. */
	static final int SECONDS = 6;

	static final String FLAKY = "flaky";

	static final String SLOW = "slow";

	static final String EMPTY = "empty";

	static final String GARBAGE_IMAGE = "garbage image";

	/**
	 * Topics that start so get a second picture whose first two attempts fail after the
	 * first picture was drawn and paid for.
	 */
	static final String FLAKY_SECOND_IMAGE = "flaky second image";

	private static final String SECOND_PICTURE = ": second picture";

	private final PriceTable prices = PriceTable.offline();

	private final ImageGenerator pictures = new ProceduralImageGenerator(this.prices);

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final long slowMillis;

	ScriptedProviders(long slowMillis) {
		this.slowMillis = slowMillis;
	}

	@Override
	public Priced<Script> write(Brief brief) {
		String topic = brief.topic();
		int call = this.calls.computeIfAbsent(topic, (key) -> new AtomicInteger()).incrementAndGet();
		if (topic.equals(FLAKY) && call == 1) {
			throw ProviderException.retryable("script service answered 500 Internal Server Error", null);
		}
		if (topic.equals(SLOW) && call == 1) {
			sleep(this.slowMillis);
		}
		if (topic.equals(EMPTY)) {
			// As a language model that returned no scenes: the script cannot be built.
			return new Priced<>(new Script(topic, "", List.of(), List.of()), this.prices.script(0));
		}
		Script script = new Script(topic + " explained", "About " + topic, List.of(topic),
				List.of(new ScriptScene(topic, "A short first scene about " + topic + ".", "First"),
						new ScriptScene(topic.startsWith(FLAKY_SECOND_IMAGE) ? topic + SECOND_PICTURE : "Thanks",
								"That was all, thanks for watching.", "Bye")));
		return new Priced<>(script, this.prices.script(script.characters()));
	}

	@Override
	public Priced<byte[]> generate(ScriptScene scene, VideoStyle style, int width, int height) {
		if (scene.title().endsWith(SECOND_PICTURE)
				&& this.calls.computeIfAbsent(scene.title(), (key) -> new AtomicInteger()).incrementAndGet() <= 2) {
			throw ProviderException.retryable("image service answered 503 Service Unavailable", null);
		}
		if (scene.title().equals(GARBAGE_IMAGE)) {
			return new Priced<>("<html>rate limited</html>".getBytes(StandardCharsets.UTF_8), this.prices.image());
		}
		return this.pictures.generate(scene, style, width, height);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
