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
			browser.waiting(PATIENCE).until((driver) -> {
				Object duration = browser
					.script("const v = document.querySelector('video'); return v ? v.duration : null;");
				return duration instanceof Number number && number.doubleValue() > 0;
			});
			String length = browser.driver().findElement(By.cssSelector("[data-field=length]")).getText();
			assertThat(length).as("planned and produced length")
				.matches("(?s).*12 s planned · 1[12]\\.\\d s produced.*");
			browser.screenshot(Path.of("target", "console-screenshots", "video-playing.png"));
		}
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
