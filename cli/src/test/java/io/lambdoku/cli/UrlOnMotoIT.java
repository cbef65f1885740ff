package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.aws.MotoExtension;
import io.lambdoku.aws.MotoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * url, url:create, url:delete and apps:update --reserved-concurrency through the packaged CLI with the aws backend
 * against moto_server. moto only stores URLs (it serves none) and routes no provisioned concurrency call, so there
 * is none to show.
 */
@SuppressWarnings("unchecked")
class UrlOnMotoIT {

    private static final String AWS_URL = "https://[a-z0-9]+\\.lambda-url\\.us-east-1\\.on\\.aws/";

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch).withEnv(moto.environment());
        cli.run("create", "web", "--role", MotoServer.ROLE).succeeded();
    }

    @Test
    void urlIsIamByDefaultOnAwsMadePublicInPlaceAndDeleted() throws Exception {
        CliRunner.Result created = cli.run("url:create", "-a", "web").succeeded();
        String url = created.out().strip();
        assertThat(url).matches(AWS_URL);
        assertThat(created.err()).contains("Created the function URL of web (auth AWS_IAM).");
        cli.run("url", "-a", "web").succeeded().outContains("web  " + url + "  auth AWS_IAM");

        CliRunner.Result opened = cli.run("url:create", "-a", "web", "--auth", "none", "--cors", "https://shop.example").succeeded();
        assertThat(opened.out().strip()).isEqualTo(url);
        assertThat(opened.err()).contains("Changed the function URL of web in place (auth NONE, CORS https://shop.example).");
        List<Object> listed = JSON.std.listFrom(cli.run("url", "-a", "web", "--json").succeeded().out());
        assertThat(listed).singleElement().satisfies(o -> {
            Map<String, Object> u = (Map<String, Object>) o;
            assertThat(u).containsEntry("url", url).containsEntry("auth", "NONE").doesNotContainKey("alias");
            assertThat((Map<String, Object>) u.get("cors")).containsEntry("allowOrigins", List.of("https://shop.example"));
        });
        assertThat(cli.run("url:create", "-a", "web", "--auth", "none", "--cors", "https://shop.example").succeeded().err())
                .contains("No change: web already has this function URL");

        cli.run("url:delete", "-a", "web").succeeded().outContains("Deleted the function URL of web (" + url + ").");
        cli.run("url", "-a", "web").succeeded().outContains("web has no function URL; make one with 'lambdoku url:create -a web'.");
        cli.run("url:delete", "-a", "web").failedWith(1, "Function web has no function URL.");
    }

    @Test
    void badUrlInputIsOneSentenceAndChangesNothing() throws Exception {
        cli.run("url:create", "-a", "web", "--auth", "maybe").failedWith(2, "--auth takes none or iam, not 'maybe'.");
        cli.run("url:create", "-a", "web", "--alias", "1").failedWith(1, "never a version");
        cli.run("url:create", "-a", "web", "--cors", "shop.example/cart").failedWith(1, "'shop.example/cart' is not a CORS origin");
        cli.run("url:create", "-a", "ghost").failedWith(1, "Function ghost does not exist.");
        cli.run("url", "-a", "web").succeeded().outContains("web has no function URL");
    }

    @Test
    void reservedConcurrencyIsSetWithoutAReleaseAndRemoved() throws Exception {
        cli.run("apps:update", "-a", "web", "--reserved-concurrency", "0").succeeded()
                .outContains("Set reserved concurrency of web to 0: every invoke is throttled.");
        CliRunner.Result info = cli.run("apps:info", "-a", "web").succeeded();
        assertThat(info.out()).contains("Reserved:     0 (every invoke is throttled)").contains("Provisioned:  none")
                .contains("URLs:         none");
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "web", "--json").succeeded().out())).hasSize(1);
        cli.run("apps:update", "-a", "web", "--reserved-concurrency", "0").succeeded()
                .outContains("No change: web already has reserved concurrency 0.");

        cli.run("apps:update", "-a", "web", "--reserved-concurrency", "none").succeeded()
                .outContains("Removed the reserved concurrency of web");
        Map<String, Object> json = JSON.std.mapFrom(cli.run("apps:info", "-a", "web", "--json").succeeded().out());
        assertThat(json).doesNotContainKey("reservedConcurrency").containsEntry("urls", List.of())
                .containsEntry("provisionedConcurrency", List.of());
        cli.run("apps:update", "-a", "web", "--reserved-concurrency", "-1").failedWith(2,
                "--reserved-concurrency takes a whole number (0 throttles every invoke) or none, not '-1'.");
        cli.run("apps:update", "-a", "web").failedWith(2, "Nothing to update");
    }
}
