package com.ytempire.app.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.ytempire.render.tools.RequiredTool;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through chromium-driver, with downloads going to a
 * folder of its own. Both binaries are named explicitly: Selenium Manager would try to
 * download them, and nothing may be downloaded at run time.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path downloads;

	private final Path profile;

	private Browser(ChromeDriver driver, Path downloads, Path profile) {
		this.driver = driver;
		this.downloads = downloads;
		this.profile = profile;
	}

	/**
	 * Starts the browser, or skips the test where Chromium is not installed; on CI a
	 * missing browser fails it instead.
	 */
	public static Browser startOrSkip() throws Exception {
		RequiredTool.assumeInstalled(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
				"Chromium (Debian packages chromium, chromium-driver)");
		return start();
	}

	public static Browser start() throws Exception {
		Path downloads = Files.createTempDirectory("ytempire-console-downloads");
		Path profile = Files.createTempDirectory("ytempire-console-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// Without the background-networking flags Chromium keeps trying to reach
		// services a closed network refuses.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--enable-precise-memory-info", "--window-size=1280,900",
				"--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), downloads, profile);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public Path downloads() {
		return this.downloads;
	}

	public WebDriverWait waiting(Duration timeout) {
		return new WebDriverWait(this.driver, timeout);
	}

	/**
	 * What the page shows and what its console said: for the message of a failed wait.
	 */
	public String diagnostics() {
		String console = this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::toString)
			.collect(Collectors.joining("\n"));
		return "Page at " + this.driver.getCurrentUrl() + " shows:\n"
				+ this.driver.findElement(By.tagName("body")).getText() + "\nBrowser console:\n" + console;
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	public void screenshot(Path file) throws Exception {
		Files.createDirectories(file.getParent());
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.downloads);
		FileSystemUtils.deleteRecursively(this.profile);
	}

}
