package io.lambdoku.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through chromedriver (Debian's chromium and chromium-driver, or whatever PATH has), with a
 * fresh profile per browser: nothing a previous run left (cookies, cache) takes part. Screenshots go to
 * target/dashboard-screenshots/. Without a browser the tests are skipped, saying why, except where
 * LAMBDOKU_REQUIRE_BROWSER=1 (.ci/run, which installs one) makes that a failure.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser start(Path scratch) throws IOException {
        Optional<Path> found = executable("chromedriver");
        String missing = "No chromedriver in /usr/bin or on PATH: install chromium and chromium-driver (apt-get install"
                + " chromium chromium-driver), as .ci/run does.";
        if (found.isEmpty() && "1".equals(System.getenv("LAMBDOKU_REQUIRE_BROWSER"))) {
            fail(missing);
        }
        Assumptions.assumeTrue(found.isPresent(), missing);
        Path chromedriver = found.get();
        ChromeOptions options = new ChromeOptions();
        executable("chromium").or(() -> executable("chromium-browser")).or(() -> executable("google-chrome"))
                .ifPresent(b -> options.setBinary(b.toFile()));
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    private static Optional<Path> executable(String name) {
        String path = "/usr/bin" + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    WebDriver driver() {
        return driver;
    }

    Browser open(String url) {
        driver.get(url);
        return this;
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Waits up to {@code seconds} for {@code condition} to hold (non-null, non-false), polling. */
    <T> T waitFor(int seconds, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
    }

    boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Saves what the browser shows as target/dashboard-screenshots/NAME.png. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path to = SCREENSHOTS.resolve(name + ".png");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
