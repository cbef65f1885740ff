package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The dashboard in a real browser (headless Chromium), against 'lambdoku dashboard' started as a user starts it, on
 * the local backend after a quick start: a pipeline hello → hello-prod where prod runs older code.
 */
class DashboardIT {

    private static final String SCRIPT_MESSAGE = "<script>alert('message')</script> & <b>bold</b>";
    private static final String SCRIPT_VALUE = "<script>alert('value')</script>";

    @TempDir
    static Path scratch;

    private static CliRunner cli;
    private static DashboardSession session;
    private static DashboardProcess dashboard;
    private static Browser browser;

    @BeforeAll
    static void quickStart() throws Exception {
        cli = new CliRunner(scratch);
        Path hello = cli.repo().resolve("examples/hello-python");
        cli.run("deploy", hello.toString(), "--alias", "test").succeeded();
        cli.run("create", "hello-prod", "--code", hello.toString()).succeeded();
        cli.run("pipeline:add", "-a", "hello", "hello-prod").succeeded();
        cli.run("config:set", "-a", "hello", "GREETING=" + SCRIPT_VALUE).succeeded();
        cli.run("deploy", changed(hello, "hello2", "# newer").toString(), "-m", SCRIPT_MESSAGE).succeeded();
        cli.run("create", "solo", "--code", hello.toString()).succeeded();
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

    /** A copy of an example app with a line added, so its code hashes differently. */
    private static Path changed(Path example, String name, String line) throws Exception {
        Path copy = Files.createDirectories(scratch.resolve(name));
        try (var files = Files.list(example)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.writeString(copy.resolve("app.py"), "\n" + line + "\n", java.nio.file.StandardOpenOption.APPEND);
        return copy;
    }

    @Test
    void theOverviewShowsThePipelineAndWhereProductionRunsOtherCode() throws Exception {
        browser.open(dashboard.base() + "/");

        assertThat(browser.driver().getCurrentUrl()).as("the token left the address bar").doesNotContain("token");
        assertThat(browser.find(By.tagName("h2")).getText()).isEqualTo("Pipeline hello");
        List<String> columns = browser.driver().findElements(By.cssSelector("table th")).stream().map(WebElement::getText).toList();
        assertThat(columns).containsExactly("Staging", "Production");
        String hello = cell("hello").getText();
        assertThat(hello).contains("v3").contains("test → v1").contains("code ");
        String prod = cell("hello-prod").getText();
        assertThat(prod).contains("v1 Create").contains("Runs other code than hello v3").contains("Promote hello v3");
        assertThat(cell("solo").getText()).contains("Create").doesNotContain("Runs other code");
        browser.screenshot("overview");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            // on a phone the stages stack: each cell says its stage, and nothing runs off the right edge
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
            browser.screenshot("overview-phone");
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void promoteFromTheOverviewShowsThePlanThenRunsTheUpstreamsCodeDownstream() throws Exception {
        Path code = changed(cli.repo().resolve("examples/hello-python"), "shop-code", "# shop code");
        cli.run("create", "shop", "--code", code.toString()).succeeded();
        cli.run("create", "shop-prod", "--code", cli.repo().resolve("examples/hello-python").toString()).succeeded();
        cli.run("pipeline:add", "-a", "shop", "shop-prod").succeeded();
        browser.open(dashboard.base() + "/");

        cell("shop-prod").findElement(By.linkText("Promote shop v1…")).click();

        browser.waitFor(10, d -> d.getTitle().startsWith("Promote shop"));
        assertThat(browser.find(By.cssSelector("ul.plan")).getText())
                .startsWith("shop-prod: new release with the code of shop v1 (").contains("its v1 runs code").endsWith("its config stays.");
        cli.run("releases", "-a", "shop-prod").succeeded().outContains("v1");
        assertThat(cli.run("releases", "-a", "shop-prod").out()).as("showing the plan changed nothing").doesNotContain("v2");
        browser.screenshot("promote-plan");

        browser.find(By.xpath("//button[normalize-space()='Confirm: promote v1']")).click();

        // the POST answers with a redirect to the result: wait for that page, not the plan's
        browser.waitFor(30, d -> d.getTitle().startsWith("Promoted shop v1"));
        assertThat(browser.text()).contains("shop-prod: released v2: Promote v1 from shop");
        browser.screenshot("promote-result");
        cli.run("releases", "-a", "shop-prod").succeeded().outContains("Promote v1 from shop");
        assertThat(codeOf("shop-prod")).isEqualTo(codeOf("shop"));
        browser.find(By.linkText("Back to the overview")).click();
        browser.waitFor(10, d -> d.getTitle().startsWith("Overview"));
        assertThat(cell("shop-prod").getText()).contains("v2 Promote v1 from shop").doesNotContain("Runs other code");
    }

    @Test
    void aReleaseMadeFromTheCliAppearsWithoutReloading() throws Exception {
        browser.open(dashboard.base() + "/");
        browser.waitFor(10, d -> "false".equals(d.findElement(By.id("overview")).getAttribute("aria-busy")));
        browser.script("window.sameDocument = 'yes';");

        cli.run("config:set", "-a", "solo", "LIVE=1").succeeded();

        browser.waitFor(20, d -> cell("solo").getText().contains("Set LIVE"));
        assertThat(browser.script("return window.sameDocument;")).as("updated in place, not reloaded").isEqualTo("yes");
    }

    @Test
    void markupInReleaseMessagesIsShownAsTextAndConfigValuesNowhere() throws Exception {
        for (String page : List.of("/", "/activity")) {
            browser.open(dashboard.base() + page);
            assertThat(browser.alertShown()).as("no script ran on " + page).isFalse();
            assertThat(browser.driver().findElements(By.tagName("b"))).as("no markup from the message on " + page).isEmpty();
            assertThat(browser.script("return document.scripts.length;")).as("only the dashboard's own script").isEqualTo(1L);
            assertThat(browser.driver().getPageSource()).doesNotContain("alert('value')");
        }
        assertThat(browser.text()).contains(SCRIPT_MESSAGE).doesNotContain(SCRIPT_VALUE);
        browser.screenshot("activity");
    }

    @Test
    void withoutTheAccessTokenEveryPageIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(dashboard.base().resolve("/activity")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> guessed = http.send(HttpRequest.newBuilder(URI.create(dashboard.base() + "/?token=guess")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(bare.body()).contains("needs its access token").doesNotContain("hello");
        assertThat(guessed.statusCode()).isEqualTo(403);
        assertThat(guessed.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aPageReachedUnderAnotherHostNameIsRefused() throws Exception {
        String cookie = session();
        try (Socket s = new Socket("127.0.0.1", dashboard.port())) {
            OutputStream out = s.getOutputStream();
            // what a page whose DNS name was rebound to 127.0.0.1 sends (with the cookie, had it one)
            out.write(("GET / HTTP/1.1\r\nHost: attacker.example:" + dashboard.port() + "\r\nCookie: " + cookie
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void aChangeWithoutTheFormsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String cookie = session();
        HttpClient http = HttpClient.newHttpClient();
        String before = cli.run("releases", "-a", "hello-prod").succeeded().out();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(dashboard.base().resolve("/pipelines/hello/promote"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(dashboard.base().resolve("/pipelines/hello/promote"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=3")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(dashboard.base().resolve("/pipelines/hello/promote"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=3&csrf=guess")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"csrf\"");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(cli.run("releases", "-a", "hello-prod").succeeded().out()).isEqualTo(before);
    }

    @Test
    void localServeServesTheDashboardBesideTheApi() throws Exception {
        try (LocalServe serve = LocalServe.start(cli)) {
            String url = serve.banner().stream().filter(l -> l.startsWith("Dashboard: ")).findFirst().orElseThrow()
                    .substring("Dashboard: ".length());
            assertThat(url).startsWith(serve.endpoint() + "/?token=");

            browser.open(url);

            assertThat(browser.find(By.tagName("h2")).getText()).isEqualTo("Pipeline hello");
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serve.endpoint() + "/2015-03-31/functions/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as("the API still wants signed requests").isEqualTo(403);
        }
    }

    @Test
    void aBadOrTakenPortIsOneSentence() throws Exception {
        cli.run("dashboard", "--port", "70000").failedWith(2, "--port must be between 0 and 65535, not 70000.");
        cli.run("dashboard", "--port", Integer.toString(dashboard.port())).failedWith(1,
                "Cannot listen on 127.0.0.1:" + dashboard.port());
    }

    /** The session cookie the token buys, as a Cookie header value. */
    private static String session() throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dashboard.url())).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static WebElement cell(String app) {
        return browser.find(By.cssSelector("[data-app='" + app + "']"));
    }

    private static String codeOf(String app) throws Exception {
        return cli.run("apps:info", "-a", app).succeeded().out().lines().filter(l -> l.startsWith("Code:")).findFirst()
                .orElseThrow();
    }
}
