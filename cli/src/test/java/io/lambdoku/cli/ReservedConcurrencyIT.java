package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apps:update --reserved-concurrency on the local backend through the packaged CLI: no release, 0 throttles, none restores. */
class ReservedConcurrencyIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
        cli.run("deploy", cli.repo().resolve("examples/hello-python").toString(), "--alias", "live").succeeded();
    }

    @Test
    void reservedConcurrencyZeroThrottlesEveryInvokeAndNoneRestores() throws Exception {
        cli.run("apps:update", "-a", "hello", "--reserved-concurrency", "0").succeeded()
                .outContains("Set reserved concurrency of hello to 0: every invoke is throttled.");
        cli.run("invoke", "-a", "hello").failedWith(1, "hello has a reserved concurrency of 0, so every invocation is"
                + " throttled; raise or remove its reserved concurrency to run it.");
        assertThat(cli.run("apps:info", "-a", "hello").succeeded().out()).contains("Reserved:     0 (every invoke is throttled)")
                .contains("Provisioned:  none").contains("URLs:         none");
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "hello", "--json").succeeded().out())).as("no release").hasSize(1);

        cli.run("apps:update", "-a", "hello", "--reserved-concurrency", "none").succeeded()
                .outContains("Removed the reserved concurrency of hello");
        cli.run("invoke", "-a", "hello").succeeded().outContains("Hello, world!");
        cli.run("apps:update", "-a", "hello", "--reserved-concurrency", "many").failedWith(2,
                "--reserved-concurrency takes a whole number (0 throttles every invoke) or none, not 'many'.");
    }

    @Test
    void memoryAndReservedConcurrencyTogetherMakeOneReleaseAndOneJsonAnswer() throws Exception {
        List<Object> before = JSON.std.listFrom(cli.run("releases", "-a", "hello", "--json").succeeded().out());
        var answer = JSON.std.mapFrom(cli.run("apps:update", "-a", "hello", "--memory", "256", "--reserved-concurrency", "3",
                "--json").succeeded().out());
        assertThat(answer).containsEntry("function", "hello").containsEntry("changed", true)
                .containsEntry("reservedConcurrency", 3).containsEntry("reservedConcurrencyChanged", true);
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "hello", "--json").succeeded().out())).hasSize(before.size() + 1);
    }

    @Test
    void aRefusedReservationMakesNoReleaseOfTheSettingsGivenWithIt() throws Exception {
        List<Object> before = JSON.std.listFrom(cli.run("releases", "-a", "hello", "--json").succeeded().out());
        var refused = cli.run("apps:update", "-a", "hello", "--memory", "512", "--reserved-concurrency", "5000");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).doesNotContain("Exception").contains("5000");
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "hello", "--json").succeeded().out())).as("no release")
                .hasSize(before.size());
        assertThat(cli.run("apps:info", "-a", "hello").succeeded().out()).doesNotContain("512");
    }
}
