package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.aws.MotoExtension;
import io.lambdoku.aws.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'lambdoku dashboard' on the aws backend (moto_server): the overview reads Lambda, tags and CloudWatch, and its
 * Promote runs through the same plan and confirm as on the local backend. Plain HTTP, as the pages work without
 * JavaScript; the browser flows are DashboardIT's.
 */
class DashboardOnMotoIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theOverviewShowsDriftAndPromoteConfirmsThenReleases() throws Exception {
        CliRunner cli = new CliRunner(scratch).withEnv(moto.environment());
        cli.run("create", "web", "--role", MotoServer.ROLE, "--code", code("one", "x = 1\n").toString()).succeeded();
        cli.run("create", "web-prod", "--role", MotoServer.ROLE, "--code", code("one", "x = 1\n").toString()).succeeded();
        cli.run("pipeline:add", "-a", "web", "web-prod").succeeded();
        cli.run("push", "-a", "web", code("two", "x = 2\n").toString()).succeeded().outContains("v2");

        try (DashboardProcess dashboard = DashboardProcess.start(cli, "--backend", "aws")) {
            String cookie = session(dashboard);
            String overview = get(dashboard, cookie, "/").body();
            assertThat(overview).contains("Pipeline web").contains("Runs other code than web v2.")
                    .contains("href=\"/pipelines/web/promote\"");

            String plan = get(dashboard, cookie, "/pipelines/web/promote").body();
            assertThat(plan).contains("web-prod: new release with the code of web v2");
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(plan);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> done = http.send(HttpRequest.newBuilder(dashboard.base().resolve("/pipelines/web/promote"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&version=2")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(done.statusCode()).isEqualTo(303);
            String result = get(dashboard, cookie, done.headers().firstValue("Location").orElseThrow()).body();
            assertThat(result).contains("web-prod: released v2: Promote v2 from web");
            cli.run("releases", "-a", "web-prod").succeeded().outContains("Promote v2 from web");
            assertThat(get(dashboard, cookie, "/").body()).doesNotContain("Runs other code");
            assertThat(get(dashboard, cookie, "/activity").body()).contains("promotion v2").contains("Promote v2 from web");
        }
    }

    private HttpResponse<String> get(DashboardProcess dashboard, String cookie, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(dashboard.base().resolve(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
        return r;
    }

    private String session(DashboardProcess dashboard) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(dashboard.url())).build(),
                HttpResponse.BodyHandlers.discarding());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private Path code(String dir, String source) throws Exception {
        Path d = Files.createDirectories(scratch.resolve(dir));
        Files.writeString(d.resolve("app.py"), "def handler(e, c):\n    return 1\n" + source);
        return d;
    }
}
