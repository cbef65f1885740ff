package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help and completion through the packaged launcher: what start-up speed changed (help printed from the
 * per-build cache, commands bound without picocli) must read exactly as picocli renders it.
 */
class HelpAndCompletionIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void helpListsEveryCommandAsPicocliRendersItWithoutTheCache() throws Exception {
        String cached = cli.run("help").succeeded().out();
        for (String name : CommandRegistry.NAMES) {
            assertThat(cached).contains("  " + name + " ");
        }
        CliRunner uncached = new CliRunner(scratch.resolve("uncached"))
                .withEnv(Map.of("LAMBDOKU_NO_CDS", "1", "LAMBDOKU_CACHE", scratch.resolve("no-cache").toString()));
        assertThat(uncached.run("help").succeeded().out()).isEqualTo(cached);
        assertThat(cli.run("--help").succeeded().out()).isEqualTo(cached);
    }

    @Test
    void commandHelpAndUsageErrorsStillComeFromPicocli() throws Exception {
        assertThat(cli.run("config:set", "-h").succeeded().out()).startsWith("Usage: lambdoku config:set ")
                .contains("-a, --app=NAME|ARN");
        assertThat(cli.run("help", "releases").succeeded().out()).startsWith("Usage: lambdoku releases ");
        cli.run("config", "--bogus").failedWith(2, "Unknown option: '--bogus'. See 'lambdoku config --help'.");
        cli.run("config", "-a").failedWith(2, "Missing required parameter for option '--app' (NAME|ARN)");
        cli.run("releases", "--backend", "local", "--backend", "aws").failedWith(2, "should be specified only once");
    }

    @Test
    void completionScriptCompletesCommandsAndOptionsInBash() throws Exception {
        Path script = scratch.resolve("lambdoku.bash");
        Files.writeString(script, cli.run("completion", "bash").succeeded().out());
        String probe = "source " + script + "\n"
                + "try() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=();"
                + " _complete_lambdoku 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
                + "try lambdoku config:s\ntry lambdoku releases --j\n"
                + "[[ $COMP_WORDBREAKS == *:* ]] && echo 'splits at colons' || echo 'config:set is one word'\n";
        Process bash = new ProcessBuilder("bash", "-c", probe).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().toList()).containsExactly("config:set config:seal", "--json", "config:set is one word");
        assertThat(cli.run("completion", "zsh").succeeded().out()).contains("bashcompinit");
        cli.run("completion", "fish").failedWith(2, "lambdoku completes commands in bash and zsh, not 'fish'.");
    }
}
