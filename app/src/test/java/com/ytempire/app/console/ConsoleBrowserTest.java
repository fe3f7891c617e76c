package com.ytempire.app.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.ytempire.app.Api;
import com.ytempire.app.IntegrationTest;
import com.ytempire.app.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real browser against the whole application: sign-in, the
 * overview against the query API, the drill-down, a live update, an export and the
 * rendered video. Each page is saved as a screenshot under
 * {@code target/console-screenshots/}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	private Browser browser;

	private Api operator;

	private Api viewer;

	private String channelName;

	private String channelId;

	private String videoId;

	@BeforeAll
	void start() throws Exception {
		this.browser = Browser.startOrSkip();
		this.operator = Api.at(this.port, TestKeys.OPERATOR);
		this.viewer = Api.at(this.port, TestKeys.VIEWER);
		this.channelName = "Console " + UUID.randomUUID().toString().substring(0, 8);
		this.channelId = this.operator.createChannel(this.channelName, 5);
		this.videoId = this.operator.scheduleVideo(this.channelId, Instant.now().plus(2, ChronoUnit.DAYS).toString());
		this.operator
			.post("/api/v1/videos/" + this.videoId + "/costs",
					Map.of("costId", "script-1", "category", "SCRIPT", "amount", 0.25, "provider", "openai", "units",
							900))
			.expectStatus()
			.is2xxSuccessful();
		eventually(() -> ((Number) channel().get("totalCostMicros")).longValue() == 250_000);
	}

	@AfterAll
	void stop() throws Exception {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void overviewShowsWhatTheQueryApiAnswers() throws Exception {
		Map<?, ?> expected = get("/api/v1/overview");
		signIn(TestKeys.VIEWER);
		open("#/overview", "overview");
		for (String field : List.of("activeChannels", "videosScheduledToday", "videosGeneratedToday", "failuresToday",
				"costTodayMicros")) {
			assertThat(value(field)).as(field).isEqualTo(String.valueOf(expected.get(field)));
		}
		assertThat(this.browser.driver().findElement(By.id("who")).getText()).isEqualTo("dashboard (viewer)");
		assertThat(this.browser.driver().findElement(By.cssSelector("a[href='#/operations']")).isDisplayed())
			.as("a viewer is not offered the operations page")
			.isFalse();
		this.browser.waiting(PATIENCE)
			.until((driver) -> driver.findElements(By.cssSelector(".chart canvas")).size() == 3);
		screenshot("overview");
	}

	@Test
	void drillsDownFromChannelToVideoToItsCosts() throws Exception {
		signIn(TestKeys.VIEWER);
		open("#/channels", "channels");
		this.browser.driver().findElement(By.id("channels-filter")).sendKeys(this.channelName);
		screenshot("channels");
		this.browser.driver().findElement(By.linkText(this.channelName)).click();
		waitForPage("channel");
		assertThat(this.browser.driver().findElement(By.cssSelector("[data-field=totalCostMicros]")).getText())
			.isEqualTo("$0.25");
		screenshot("channel");
		this.browser.driver().findElement(By.linkText("How to test")).click();
		waitForPage("video");
		String costs = this.browser.driver()
			.findElement(By.cssSelector("[aria-label='Cost items (scrollable)']"))
			.getText();
		assertThat(costs).contains("SCRIPT", "$0.25", "openai");
		String audit = this.browser.driver()
			.findElement(By.cssSelector("[aria-label='Audit history (scrollable)']"))
			.getText();
		assertThat(audit).contains("VideoScheduledEvent", "CostRecordedEvent");
		screenshot("video");
	}

	@Test
	void showsAnEventAndNewFiguresAfterACommand() {
		signIn(TestKeys.VIEWER);
		open("#/overview", "overview");
		this.browser.waiting(PATIENCE)
			.until(ExpectedConditions.attributeToBe(By.id("feed-state"), "data-state", "live"));
		long before = Long.parseLong(value("videosScheduledToday"));
		String scheduled = this.operator.scheduleVideo(this.channelId,
				Instant.now().plus(3, ChronoUnit.DAYS).toString());
		this.browser.waiting(PATIENCE)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-video='" + scheduled + "']")));
		this.browser.waiting(PATIENCE).until((driver) -> Long.parseLong(value("videosScheduledToday")) == before + 1);
		assertThat(value("videosScheduledToday"))
			.isEqualTo(String.valueOf(get("/api/v1/overview").get("videosScheduledToday")));
	}

	@Test
	void feedResumesAfterTheLastEventItSaw() {
		List<?> events = (List<?>) get("/api/v1/audit/" + this.videoId).get("events");
		long scheduled = ((Number) ((Map<?, ?>) events.get(0)).get("position")).longValue();
		long costed = ((Number) ((Map<?, ?>) events.get(1)).get("position")).longValue();
		signIn(TestKeys.VIEWER);
		// The console's own feed reader, as after a reconnect: it has seen the video's
		// first event and must get the next one, and not the first again.
		Object answer = this.browser.driver().executeAsyncScript("""
				const [videoId, seen, done] = arguments;
				import('/console/feed.js').then(({ Feed }) => {
					const feed = new Feed(() => {});
					feed.lastEventId = String(seen);
					feed.subscribe((event) => {
						if (event.data.videoId === videoId) {
							feed.stop();
							done([event.id, event.data.type]);
						}
					});
					feed.start();
				});
				""", this.videoId, scheduled);
		assertThat(answer).isEqualTo(List.of(String.valueOf(costed), "CostRecordedEvent"));
	}

	@Test
	void operatorsCancelAVideoAndThePageFollows() {
		String video = this.operator.scheduleVideo(this.channelId, Instant.now().plus(4, ChronoUnit.DAYS).toString());
		signIn(TestKeys.VIEWER);
		open("#/videos/" + video, "video");
		assertThat(this.browser.driver().findElements(By.id("cancel-video"))).as("a viewer cannot cancel").isEmpty();
		signIn(TestKeys.OPERATOR);
		open("#/videos/" + video, "video");
		this.browser.waiting(PATIENCE)
			.until(ExpectedConditions.attributeToBe(By.id("feed-state"), "data-state", "live"));
		this.browser.driver().findElement(By.id("cancel-video")).click();
		this.browser.waiting(PATIENCE)
			.until(ExpectedConditions.textToBe(By.cssSelector("[data-field='stage']"), "CANCELLED"));
		assertThat(get("/api/v1/videos/" + video).get("stage")).isEqualTo("CANCELLED");
		assertThat(this.browser.driver().findElements(By.id("cancel-video"))).isEmpty();
	}

	@Test
	void aLongTableRendersOnlyTheRowsInView() {
		signIn(TestKeys.VIEWER);
		// The channels page's table with a thousand rows: the document holds a screenful,
		// and scrolling to the end shows the last row.
		Object answer = this.browser.driver()
			.executeAsyncScript(
					"""
							const done = arguments[0];
							import('/console/table.js').then(({ Table }) => {
								const table = new Table([{ key: 'name', label: 'Channel' }], { name: 'long', caption: 'Long' });
								document.getElementById('page').replaceChildren(table.element);
								table.setRows(Array.from({ length: 1000 }, (_, i) => ({ name: `channel ${String(i).padStart(4, '0')}` })));
								const before = table.body.querySelectorAll('td').length;
								table.scroller.scrollTop = table.scroller.scrollHeight;
								table.paint();
								const cells = [...table.body.querySelectorAll('td')];
								done([before, cells.length, cells.at(-1).textContent]);
							});
							""");
		List<?> result = (List<?>) answer;
		assertThat(((Number) result.get(0)).intValue()).isBetween(1, 100);
		assertThat(((Number) result.get(1)).intValue()).isBetween(1, 100);
		assertThat(result.get(2)).isEqualTo("channel 0999");
	}

	@Test
	void exportsTheChannelsAsCsv() throws Exception {
		signIn(TestKeys.VIEWER);
		open("#/channels", "channels");
		this.browser.driver().findElement(By.cssSelector("[aria-label='Export channels'] button:first-child")).click();
		Path file = this.browser.downloads().resolve("channels.csv");
		this.browser.waiting(PATIENCE).until((driver) -> Files.exists(file));
		List<String> lines = Files.readAllLines(file);
		assertThat(lines.get(0)).startsWith("channelId,name,niche,");
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).startsWith(this.channelId + "," + this.channelName + ","));
	}

	@Test
	void adminsRebuildProjectionsAndSeeTheAlertRules() throws Exception {
		signIn(TestKeys.VIEWER);
		this.browser.driver().get(base() + "#/operations");
		this.browser.waiting(PATIENCE).until(ExpectedConditions.textToBe(By.cssSelector("#page h2"), "Not found"));
		signIn(TestKeys.ADMIN);
		open("#/operations", "operations");
		assertThat(
				this.browser.driver().findElement(By.cssSelector("[aria-label='Alert rules (scrollable)']")).getText())
			// Listed from the shipped rule file: its summaries, with what the page checks
			// itself.
			.contains("BackupStale", "ProjectionLagHigh", "Prometheus only", "No successful backup for over a day",
					"Event processor ‹processor› is behind", "last backup time", "HighErrorRate");
		new org.openqa.selenium.support.ui.Select(this.browser.driver().findElement(By.id("rebuild-name")))
			.selectByValue("all");
		this.browser.driver().findElement(By.id("rebuild-start")).click();
		this.browser.waiting(Duration.ofMinutes(2))
			.until(ExpectedConditions.textMatches(By.id("rebuild-state"), java.util.regex.Pattern.compile("^DONE.*")));
		screenshot("operations");
	}

	private void signIn(String key) {
		this.browser.driver().get(base());
		this.browser.waiting(PATIENCE)
			.until((driver) -> driver.findElement(By.id("sign-in")).isDisplayed()
					|| driver.findElement(By.id("sign-out")).isDisplayed());
		if (this.browser.driver().findElement(By.id("sign-out")).isDisplayed()) {
			this.browser.driver().findElement(By.id("sign-out")).click();
		}
		if (!Files.exists(SCREENSHOTS.resolve("sign-in.png"))) {
			screenshotQuietly("sign-in");
		}
		this.browser.driver().findElement(By.id("api-key")).sendKeys(key);
		this.browser.driver().findElement(By.cssSelector("#sign-in button[type=submit]")).click();
		waitForPage("overview");
	}

	private void open(String hash, String page) {
		this.browser.driver().get(base() + hash);
		waitForPage(page);
	}

	private void waitForPage(String page) {
		try {
			this.browser.waiting(PATIENCE)
				.until(ExpectedConditions
					.presenceOfElementLocated(By.cssSelector("[data-page='" + page + "'][data-ready='true']")));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The " + page + " page did not load. " + this.browser.diagnostics(), ex);
		}
	}

	private String value(String field) {
		WebElement figure = this.browser.driver().findElement(By.cssSelector("[data-field='" + field + "']"));
		return figure.getDomAttribute("data-value");
	}

	private String base() {
		return "http://localhost:" + this.port + "/";
	}

	private Map<?, ?> get(String path) {
		return this.viewer.client().get().uri(path).exchange().expectBody(Map.class).returnResult().getResponseBody();
	}

	private Map<?, ?> channel() {
		return this.viewer.client()
			.get()
			.uri("/api/v1/channels/" + this.channelId)
			.exchange()
			.returnResult(Map.class)
			.getResponseBody()
			.onErrorResume((ex) -> reactor.core.publisher.Mono.empty())
			.blockFirst(Duration.ofSeconds(10));
	}

	private void screenshot(String name) throws Exception {
		this.browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
	}

	private void screenshotQuietly(String name) {
		try {
			screenshot(name);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void eventually(BooleanSupplier condition) throws InterruptedException {
		eventually(PATIENCE, condition);
	}

	private static void eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!safely(condition)) {
			assertThat(Instant.now()).as("waited %s for the read side", timeout).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private static boolean safely(BooleanSupplier condition) {
		try {
			return condition.getAsBoolean();
		}
		catch (RuntimeException | AssertionError ex) {
			return false;
		}
	}

}
