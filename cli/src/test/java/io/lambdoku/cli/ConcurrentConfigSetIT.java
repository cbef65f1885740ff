package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten separate OS processes set ten different keys on one function at once. The original Node
 * lambdoku keeps 3 of 10; every key must survive here, and every release must hold what it says.
 * They queue on the function's lock (--lock-timeout; without it all but one would fail at once, naming
 * the holder); the RevisionId protocol beneath is raced without locks by core's ReleaseScenarios.
 */
@SuppressWarnings("unchecked")
class ConcurrentConfigSetIT {

    @TempDir
    Path scratch;

    @Test
    void tenProcessesTenKeysAllKept() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        cli.run("create", "shared").succeeded();

        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writers.add(cli.start("config:set", "-a", "shared", "KEY_" + i + "=value " + i, "--lock-timeout", "2m"));
        }
        for (Process p : writers) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }

        Map<String, Object> config = JSON.std.mapFrom(cli.run("config", "-a", "shared", "--json").succeeded().out());
        for (int i = 0; i < 10; i++) {
            assertThat(config).containsEntry("KEY_" + i, "value " + i);
        }
        List<Object> releases = JSON.std.listFrom(cli.run("releases", "-a", "shared", "--json").succeeded().out());
        for (Object o : releases) {
            Map<?, ?> release = (Map<?, ?>) o;
            String description = (String) release.get("description");
            if (description.startsWith("Set ")) {
                String version = (String) release.get("version");
                Map<String, Object> info = JSON.std.mapFrom(cli.run("releases:info", "-a", "shared", version, "--json").out());
                assertThat((Map<Object, Object>) info.get("environment")).as("release v%s: %s", version, description)
                        .containsKey((Object) description.substring(4));
            }
        }
    }
}
