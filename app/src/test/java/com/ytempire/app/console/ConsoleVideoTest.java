package com.ytempire.app.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import com.ytempire.app.render.ProductionSwitch;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The video page plays what the production line rendered: a video is scheduled, produced
 * by the saga, and its MP4 plays in Chromium from the media endpoint.
 */
@IntegrationTest
class ConsoleVideoTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/**
	 * Starts the page's video once, muted (a browser may refuse to play sound unasked);
	 * answers whether there was one yet.
	 */
	private static final String START = """
			const v = document.querySelector('video');
			if (!v) return false;
			v.muted = true;
			v.play().catch(() => {});
			return true;
			""";

	/**
	 * Where the video is: metadata alone would pass with a file the browser cannot
	 * decode, or a player that never plays.
	 */
	private static final String PLAYBACK = """
			const v = document.querySelector('video');
			return { time: v.currentTime, ready: v.readyState, paused: v.paused,
				error: v.error ? v.error.code + ' ' + v.error.message : null };
			""";

	/**
	 * The difference between the darkest and the brightest pixel of the current frame.
	 */
	private static final String FRAME_CONTRAST = """
			const v = document.querySelector('video');
			const canvas = document.createElement('canvas');
			canvas.width = v.videoWidth;
			canvas.height = v.videoHeight;
			const context = canvas.getContext('2d');
			context.drawImage(v, 0, 0);
			const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
			let darkest = 255, brightest = 0;
			for (let i = 0; i < pixels.length; i += 4) {
				const brightness = (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;
				darkest = Math.min(darkest, brightness);
				brightest = Math.max(brightest, brightness);
			}
			return Math.round(brightest - darkest);
			""";

	/** A second of the video has played. */
	private static final double PLAYED_SECONDS = 1.0;

	/** HAVE_FUTURE_DATA: the browser has decoded past the current position. */
	private static final int HAVE_FUTURE_DATA = 3;

	private static final int MIN_FRAME_CONTRAST = 32;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		ProductionSwitch.on(registry);
	}

	@Test
	void theVideoPagePlaysTheRenderedMp4() throws Exception {
		try (Browser browser = Browser.startOrSkip()) {
			Api operator = Api.at(this.port, TestKeys.OPERATOR);
			String channel = operator.createChannel("Console video " + UUID.randomUUID(), 5);
			String video = operator.scheduleVideo(channel, Instant.now().plus(Duration.ofDays(1)).toString(), 12);
			awaitRendered(Api.at(this.port, TestKeys.VIEWER), video, Duration.ofMinutes(5));

			String base = "http://localhost:" + this.port + "/";
			browser.driver().get(base);
			browser.waiting(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
			browser.driver().findElement(By.id("api-key")).sendKeys(TestKeys.VIEWER);
			browser.driver().findElement(By.cssSelector("#sign-in button[type=submit]")).click();
			browser.driver().get(base + "#/videos/" + video);
			browser.waiting(PATIENCE).until((driver) -> Boolean.TRUE.equals(browser.script(START)));
			browser.waiting(PATIENCE)
				.withMessage(() -> "the video did not play: " + browser.script(PLAYBACK) + "\n" + browser.diagnostics())
				.until((driver) -> plays(browser.script(PLAYBACK)));
			assertThat(((Number) browser.script(FRAME_CONTRAST)).intValue())
				.as("brightness range of the frame on screen (0 is a blank frame)")
				.isGreaterThan(MIN_FRAME_CONTRAST);
			String length = browser.driver().findElement(By.cssSelector("[data-field=length]")).getText();
			assertThat(length).as("planned and produced length")
				.matches("(?s).*12 s planned · 1[12]\\.\\d s produced.*");
			browser.screenshot(Path.of("target", "console-screenshots", "video-playing.png"));
		}
	}

	private static boolean plays(Object playback) {
		Map<?, ?> state = (Map<?, ?>) playback;
		assertThat(state.get("error")).as("the video element's error").isNull();
		return !Boolean.TRUE.equals(state.get("paused")) && ((Number) state.get("time")).doubleValue() > PLAYED_SECONDS
				&& ((Number) state.get("ready")).intValue() >= HAVE_FUTURE_DATA;
	}

	private static void awaitRendered(Api viewer, String video, Duration limit) throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (Instant.now().isBefore(deadline)) {
			Map<?, ?> detail = viewer.client()
				.get()
				.uri("/api/v1/videos/{id}", video)
				.exchange()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			if (detail != null && detail.get("video") != null) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("video " + video + " was not rendered within " + limit);
	}

}
