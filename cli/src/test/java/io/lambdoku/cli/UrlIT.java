package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function URLs on the local backend through the packaged CLI, as a user runs them: the
 * URL url:create prints is fetched with curl (which, like browsers, sends *.localhost to loopback) from the
 * running 'local serve'.
 */
class UrlIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
        cli.run("deploy", cli.repo().resolve("examples/hello-python").toString(), "--alias", "live").succeeded();
    }

    @Test
    void urlsOfLatestAndAnAliasAnswerWithTheFunctionUntilDeleted() throws Exception {
        try (LocalServe serve = LocalServe.start(cli)) {
            int port = URI.create(serve.endpoint()).getPort();
            CliRunner.Result created = cli.run("url:create", "-a", "hello").succeeded();
            String latest = created.out().strip();
            assertThat(latest).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:" + port + "/");
            assertThat(created.err()).contains("Created the function URL of hello (auth NONE).");
            assertThat(curl(latest)).contains("Hello, world!");

            String live = cli.run("url:create", "-a", "hello", "--alias", "live").succeeded().out().strip();
            assertThat(live).isNotEqualTo(latest);
            assertThat(curl(live)).contains("Hello, world!");
            assertThat(cli.run("url", "-a", "hello").succeeded().out().lines().toList())
                    .containsExactly("hello  " + latest + "  auth NONE", "hello:live  " + live + "  auth NONE");
            assertThat(JSON.std.listFrom(cli.run("url", "-a", "hello", "--alias", "live", "--json").succeeded().out()))
                    .singleElement().asString().contains(live);
            assertThat(cli.run("apps:info", "-a", "hello").succeeded().out())
                    .contains("URLs:         hello  " + latest + "  auth NONE");

            cli.run("url:delete", "-a", "hello").succeeded().outContains("Deleted the function URL of hello (" + latest + ").");
            assertThat(curl(latest)).doesNotContain("Hello, world!");
            assertThat(curl(live)).contains("Hello, world!");
            cli.run("url:delete", "-a", "hello", "--alias", "live").succeeded();
            cli.run("url", "-a", "hello").succeeded().outContains("hello has no function URL");
        }
    }

    @Test
    void badUrlInputIsOneSentenceAndChangesNothing() throws Exception {
        cli.run("url:create", "-a", "hello", "--alias", "1").failedWith(1, "never a version");
        cli.run("url:create", "-a", "hello", "--alias", "nope").failedWith(1, "Function hello has no alias nope.");
        cli.run("url:create", "-a", "hello", "--cors", "ftp://x").failedWith(1, "'ftp://x' is not a CORS origin");
        cli.run("url:delete", "-a", "hello").failedWith(1, "has no function URL");
        cli.run("url", "-a", "hello").succeeded().outContains("hello has no function URL");
    }

    /** What {@code curl -sS URL} prints; curl resolves *.localhost to loopback itself. */
    private static String curl(String url) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("curl", "-sS", "--max-time", "60", url).redirectErrorStream(true).start();
        } catch (java.io.IOException missing) {
            Assumptions.abort("curl is not installed: " + missing.getMessage());
            throw missing;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
