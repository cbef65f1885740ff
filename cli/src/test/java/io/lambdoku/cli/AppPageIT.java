package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's app page in headless Chromium, against 'lambdoku dashboard' on the local backend: roll back from the
 * release list, config values kept out of the page, the live log tail, the chart of the last hour.
 */
class AppPageIT {

    private static final String SCRIPT_VALUE = "<script>alert(1)</script>";

    @TempDir
    static Path scratch;

    private static CliRunner cli;
    private static DashboardSession session;
    private static DashboardProcess dashboard;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        cli = new CliRunner(scratch);
        Path code = Files.createDirectories(scratch.resolve("talker"));
        // prints what it was called with, for the log tail to show
        Files.writeString(code.resolve("app.py"), """
                import os


                def handler(event, context):
                    name = (event or {}).get("name", "world")
                    print("said " + name)
                    return {"message": os.environ.get("GREETING", "Hello") + ", " + name}
                """);
        cli.run("create", "talker", "--code", code.toString()).succeeded();
        cli.run("config:set", "-a", "talker", "GREETING=" + SCRIPT_VALUE, "PLAIN=plain-value-4711").succeeded();
        cli.run("alias:set", "-a", "talker", "live", "1", "--weight", "2=0.25").succeeded();
        for (int i = 0; i < 3; i++) {
            cli.run("invoke", "-a", "talker", "-p", "{\"name\":\"chart" + i + "\"}").succeeded();
        }
        cli.run("create", "roller", "--code", code.toString()).succeeded();
        cli.run("config:set", "-a", "roller", "MODE=first-mode").succeeded();
        cli.run("config:set", "-a", "roller", "MODE=second-mode", "EXTRA=x").succeeded();
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
    void rollBackFromTheReleaseListShowsThePlanThenTheNewRelease() throws Exception {
        browser.open(dashboard.base() + "/apps/roller");
        assertThat(versions()).containsExactly("3", "2", "1");

        row("2").findElement(By.linkText("Roll back to v2…")).click();

        browser.waitFor(10, d -> d.getTitle().startsWith("Roll back roller to v2"));
        List<String> plan = browser.driver().findElements(By.cssSelector("ul.plan li")).stream().map(WebElement::getText).toList();
        assertThat(plan).containsExactly("New release \"Rollback to v2\" of roller.", plan.get(1),
                "Config MODE gets its value of v2.", "Config EXTRA is removed.");
        assertThat(plan.get(1)).startsWith("Code stays ");
        assertThat(browser.driver().getPageSource()).as("no config value in the plan").doesNotContain("first-mode").doesNotContain("second-mode");
        browser.screenshot("app-rollback-plan");
        CliRunner.Result dryRun = cli.run("rollback", "-a", "roller", "v2", "--dry-run").succeeded();
        assertThat(dryRun.out()).as("the same engine as the command's dry run")
                .contains("  " + String.join("\n  ", plan));
        assertThat(cli.run("releases", "-a", "roller").out()).as("neither changed anything").doesNotContain("v4");

        browser.find(By.xpath("//button[normalize-space()='Confirm: roll back to v2']")).click();

        browser.waitFor(30, d -> d.getTitle().startsWith("Rolled back roller to v2"));
        assertThat(browser.text()).contains("roller: released v4: Rollback to v2");
        browser.find(By.linkText("Back to roller")).click();
        browser.waitFor(10, d -> d.getTitle().startsWith("roller"));
        assertThat(versions()).containsExactly("4", "3", "2", "1");
        assertThat(row("4").getText()).contains("v4").contains("Rollback to v2").contains("current");
        browser.screenshot("app-after-rollback");
        cli.run("config:get", "-a", "roller", "MODE").succeeded().outContains("first-mode");
        assertThat(cli.run("config", "-a", "roller").out()).doesNotContain("EXTRA");
    }

    @Test
    void configShowsKeysAndFingerprintsAndNeverAValue() throws Exception {
        browser.open(dashboard.base() + "/apps/talker");

        assertThat(browser.alertShown()).as("no script ran").isFalse();
        String source = browser.driver().getPageSource();
        assertThat(source).doesNotContain("alert(1)").doesNotContain("plain-value-4711");
        String config = browser.find(By.id("config")).getText();
        assertThat(config).contains("GREETING").contains("PLAIN").contains("fingerprint").doesNotContain("script");
        assertThat(browser.script("return document.scripts.length;")).as("only the dashboard's own script").isEqualTo(1L);
        String live = browser.find(By.cssSelector("[data-alias='live']")).getText();
        assertThat(live).contains("live → v1 75% · v2 25%");
        assertThat(browser.find(By.cssSelector("[data-alias='live'] svg")).getAttribute("aria-label")).isEqualTo("live: v1 75% · v2 25%");
        browser.screenshot("app");
    }

    @Test
    void theChartShowsTheInvocationsOfTheLastHour() throws Exception {
        browser.open(dashboard.base() + "/apps/talker");

        WebElement chart = browser.find(By.cssSelector("svg.chart"));
        assertThat(chart.getAttribute("aria-label")).matches("[3-9] invocations, 0 errors in the last hour; slowest p99 .*");
        assertThat(chart.findElements(By.cssSelector("rect.inv"))).isNotEmpty();
        assertThat(chart.findElements(By.cssSelector("polyline.p99"))).hasSize(1);
        assertThat(chart.getSize().getWidth()).isGreaterThan(200);
        browser.script("arguments[0].scrollIntoView();", chart);
        browser.screenshot("app-chart");
    }

    @Test
    void theLogTailShowsALinePrintedByAnInvokeMadeAfterThePageOpened() throws Exception {
        browser.open(dashboard.base() + "/apps/talker");
        browser.waitFor(10, d -> "false".equals(d.findElement(By.id("log")).getAttribute("aria-busy")));
        assertThat(browser.find(By.id("log")).getText()).contains("said chart2");
        browser.script("window.sameDocument = 'yes';");
        String marker = "tail-" + System.nanoTime();

        cli.run("invoke", "-a", "talker", "-p", "{\"name\":\"" + marker + " <i>markup</i>\"}").succeeded();

        browser.waitFor(20, d -> d.findElement(By.id("log")).getText().contains("said " + marker + " <i>markup</i>"));
        assertThat(browser.script("return window.sameDocument;")).as("appended in place, not reloaded").isEqualTo("yes");
        assertThat(browser.driver().findElements(By.cssSelector("#log i"))).as("a logged tag stays text").isEmpty();
        browser.script("document.getElementById('log').scrollIntoView();");
        browser.screenshot("app-log-tail");
    }

    @Test
    void aReleaseMadeFromTheCliAppearsInTheListWithoutReloading() throws Exception {
        cli.run("create", "lively", "--code", scratch.resolve("talker").toString()).succeeded();
        browser.open(dashboard.base() + "/apps/lively");
        browser.waitFor(10, d -> "false".equals(d.findElement(By.id("app")).getAttribute("aria-busy")));
        browser.script("window.sameDocument = 'yes';");

        cli.run("config:set", "-a", "lively", "LIVE=1").succeeded();

        browser.waitFor(20, d -> versions().equals(List.of("2", "1")));
        assertThat(row("2").getText()).contains("Set LIVE");
        assertThat(browser.find(By.id("config")).getText()).contains("LIVE");
        assertThat(browser.script("return window.sameDocument;")).as("updated in place, not reloaded").isEqualTo("yes");
    }

    /** The release numbers listed, read in one go (a live update may swap the table between two reads). */
    @SuppressWarnings("unchecked")
    private static List<String> versions() {
        return (List<String>) browser.script(
                "return Array.from(document.querySelectorAll('#releases tbody tr')).map(r => r.dataset.version);");
    }

    private static WebElement row(String version) {
        return browser.find(By.cssSelector("#releases tr[data-version='" + version + "']"));
    }
}
