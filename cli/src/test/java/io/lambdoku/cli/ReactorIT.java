package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's "done when", as a user does it: 'local serve --reactor' running, a formation row of a git copy of
 * examples/hello-python at git:HEAD, and then without further commands 'formation' shows it Ready with a URL that
 * answers; a commit moves the branch and the next resync serves it; a restarted server makes no release twice;
 * deleting the row removes the function.
 */
class ReactorIT {

    private static final Pattern URL = Pattern.compile("(http://\\S+/)");

    @TempDir
    Path scratch;

    @Test
    void aRowBecomesAnAppWithAWorkingUrlAndGoesWithItsRow() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        HelloPythonRepo repo = HelloPythonRepo.create(cli, m -> m);
        Path src = repo.dir();
        String url;
        try (LocalServe serve = LocalServe.start(cli, "--reactor", "--resync", "2s")) {
            assertThat(serve.banner()).anyMatch(l -> l.startsWith("Reactor: reconciling the formation table"));
            cli.run("formation:set", "shop", "--source", src.toString(), "--version", "git:HEAD", "--scale", "1").succeeded();

            String line = await(() -> readyLine(cli, "shop"));
            Matcher m = URL.matcher(line);
            assertThat(m.find()).as("a URL in: %s", line).isTrue();
            url = m.group(1);
            assertThat(get(url)).contains("Hello, world!");

            Files.writeString(src.resolve("app.py"), Files.readString(src.resolve("app.py"))
                    .replace("{name}!", "{name}! (second commit)"));
            repo.commit("second");
            await(() -> get(url).contains("Hello, world! (second commit)") ? "served" : null);
        }
        String releases = cli.run("releases", "-a", "shop").succeeded().out();

        try (LocalServe again = LocalServe.start(cli, "--reactor", "--resync", "1s")) {
            await(() -> readyLine(cli, "shop"));
            Thread.sleep(2500); // two resyncs of the restarted reactor
            assertThat(cli.run("releases", "-a", "shop").succeeded().out()).isEqualTo(releases);
            assertThat(releases.lines().filter(l -> l.contains("(git ")).count()).isEqualTo(2);

            cli.run("formation:delete", "shop", "--confirm", "shop").succeeded();
            await(() -> appsOut(cli).contains("shop") ? null : "gone");
        }
    }

    private static String appsOut(CliRunner cli) {
        try {
            return cli.run("apps").succeeded().out();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readyLine(CliRunner cli, String app) {
        try {
            return cli.run("formation").out().lines().filter(l -> l.startsWith(app + " ") && l.contains("Ready"))
                    .findFirst().orElse(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badResyncIsOneSentenceAndStartsNothing() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        cli.run("reactor", "--resync", "500ms").failedWith(ExitCodes.USAGE, "--resync must be between 1s and 1d, not 500ms.");
        cli.run("reactor", "--resync", "soon").failedWith(ExitCodes.USAGE, "--resync 'soon' is not a duration like 30s");
        cli.run("local", "serve", "--resync", "5s").failedWith(ExitCodes.USAGE, "--resync goes with --reactor.");
    }

    /** curl, as the issue says: it resolves *.localhost to loopback, which Java's resolver may not. */
    private static String get(String url) {
        try {
            Process p = new ProcessBuilder("curl", "-s", "--max-time", "10", url).redirectErrorStream(true).start();
            String body = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return body;
        } catch (Exception e) {
            return "";
        }
    }

    private static String await(Supplier<String> probe) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            String found = probe.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not reached within 2 minutes");
    }
}
