package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's Rollouts and Formation pages in headless Chromium, against 'lambdoku dashboard' on the local
 * backend, with the rollout driven and the formation reconciled by other lambdoku processes (rollout:start, local serve --reactor), as a user runs them.
 */
class DashboardLiveIT {

    private static final String V1 = "def handler(event, context):\n    return 'v1'\n";
    private static final String V2 = "def handler(event, context):\n    return 'v2'\n";

    @TempDir
    static Path scratch;

    private static CliRunner cli;
    private static DashboardSession session;
    private static DashboardProcess dashboard;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        cli = new CliRunner(scratch);
        Path app = Files.createDirectories(scratch.resolve("app"));
        Files.writeString(app.resolve("lambdoku.json"), "{\"name\": \"app\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\"}");
        Files.writeString(app.resolve("app.py"), V1);
        cli.run("deploy", app.toString(), "--alias", "live").succeeded();
        Files.writeString(app.resolve("app.py"), V2);
        cli.run("deploy", app.toString()).succeeded();
        session = DashboardSession.open(cli, scratch);
        dashboard = session.dashboard();
        browser = session.browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aRunningRolloutsWeightMovesWithoutReloadAndAbortRollsItBack() throws Exception {
        browser.open(dashboard.base() + "/rollouts");
        assertThat(browser.text()).contains("No rollout is running.");
        browser.script("window.sameDocument = 'yes';");
        Process driver = cli.start("rollout:start", "-a", "app", "--alias", "live", "--to", "2", "--strategy", "steps:10,30,60:4s");
        try {
            browser.waitFor(20, d -> rowText("app/live").contains("10% on v2"));
            assertThat(rowText("app/live")).contains("v1 → v2").contains("step 1/").contains("Shifting");
            browser.waitFor(20, d -> rowText("app/live").contains("30% on v2"));
            assertThat(browser.script("return window.sameDocument;")).as("updated in place, not reloaded").isEqualTo("yes");
            browser.screenshot("rollouts");

            browser.waitFor(10, d -> clicked(By.cssSelector("tr[data-rollout='app/live'] a[href$='/abort']")));
            browser.waitFor(10, d -> d.getTitle().startsWith("Abort the rollout of app live"));
            assertThat(browser.find(By.cssSelector("ul.plan")).getText()).contains("live sends all its traffic back to v1 at once.");
            assertThat(cli.run("rollout", "-a", "app", "--alias", "live").succeeded().out()).as("the plan changed nothing")
                    .doesNotContain("RolledBack");
            browser.screenshot("rollout-abort-plan");
            browser.find(By.xpath("//button[normalize-space()='Confirm: abort v1 → v2']")).click();

            browser.waitFor(60, d -> d.getTitle().startsWith("Aborted the rollout of app live"));
            assertThat(browser.text()).contains("Rolled back v2 on live");
            browser.screenshot("rollout-abort-result");
            assertThat(driver.waitFor(30, TimeUnit.SECONDS)).as("the driving process saw the abort and ended").isTrue();
        } finally {
            driver.destroy();
        }
        assertThat(alias("live")).containsEntry("version", "1").doesNotContainKey("additionalVersionWeights");
        browser.find(By.linkText("Back to the rollouts")).click();
        browser.waitFor(10, d -> d.getTitle().startsWith("Rollouts"));
        assertThat(rowText("app/live")).contains("Rolled").contains("v1 → v2");
    }

    @Test
    void aRowSetByTheCliAndItsStatusAppearLive() throws Exception {
        Path src = Files.createDirectories(scratch.resolve("shop"));
        try (var files = Files.list(cli.repo().resolve("examples/hello-python"))) {
            for (Path f : files.toList()) {
                Files.copy(f, src.resolve(f.getFileName()));
            }
        }
        browser.open(dashboard.base() + "/formation");
        assertThat(browser.text()).contains("No apps in the formation table yet");
        browser.script("window.sameDocument = 'yes';");

        cli.run("formation:set", "shop", "--source", src.toString(), "--scale", "1").succeeded();
        browser.waitFor(20, d -> !d.findElements(By.cssSelector("tr[data-app='shop']")).isEmpty());
        assertThat(statusOf("shop")).isEqualTo("Pending");

        // the reactor of 'local serve', whose keeper makes the provisioned environment of scale 1 ready
        try (LocalServe serve = LocalServe.start(cli, "--reactor", "--resync", "2s")) {
            browser.waitFor(120, d -> statusOf("shop").equals("Ready"));
        }
        assertThat(browser.script("return window.sameDocument;")).as("updated in place, not reloaded").isEqualTo("yes");
        WebElement link = browser.find(By.cssSelector("tr[data-app='shop'] td[data-label='URL'] a"));
        assertThat(link.getAttribute("href")).startsWith("http://").isEqualTo(link.getText());
        assertThat(browser.find(By.cssSelector("tr[data-app='shop'] td[data-label='Serving']")).getText()).startsWith("v");
        browser.screenshot("formation");
    }

    /** Clicks what {@code by} finds; false (try again) when the live region was swapped under it. */
    private static boolean clicked(By by) {
        try {
            browser.find(by).click();
            return true;
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    /** The row's text as shown now; "" while the live region is being swapped under it. */
    private static String rowText(String key) {
        return text(By.cssSelector("tr[data-rollout='" + key + "']"));
    }

    private static String statusOf(String app) {
        return text(By.cssSelector("tr[data-app='" + app + "'] td.status"));
    }

    private static String text(By by) {
        try {
            List<WebElement> found = browser.driver().findElements(by);
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alias(String name) throws Exception {
        for (Object a : JSON.std.listFrom(cli.run("aliases", "-a", "app", "--json").succeeded().out())) {
            Map<String, Object> m = (Map<String, Object>) a;
            if (name.equals(m.get("name"))) {
                return m;
            }
        }
        throw new AssertionError("no alias " + name);
    }
}
