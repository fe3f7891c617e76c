package com.ytempire.app.render;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Switches production on for a test's application (tests run without it), with its media
 * and outbox in a fresh folder under {@code target/}.
 */
public final class ProductionSwitch {

	private ProductionSwitch() {
	}

	/**
	 * @return the folder that holds {@code media/} and {@code outbox/}
	 */
	public static Path on(DynamicPropertyRegistry registry) {
		Path output = Path.of("target", "production-it", UUID.randomUUID().toString());
		registry.add("ytempire.render.enabled", () -> "true");
		registry.add("ytempire.render.media-dir", () -> output.resolve("media").toString());
		registry.add("ytempire.render.outbox-dir", () -> output.resolve("outbox").toString());
		registry.add("ytempire.render.disk-reserve", () -> "1MB");
		return output;
	}

}
