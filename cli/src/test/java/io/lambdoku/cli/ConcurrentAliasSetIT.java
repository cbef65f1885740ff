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
 * Ten OS processes move one alias at once, with alias:set and alias:promote. Each read the alias's
 * RevisionId once and 7 of 10 failed with a 412; now all succeed, queued on the function's lock
 * (--lock-timeout) with the RevisionId protocol beneath.
 */
@SuppressWarnings("unchecked")
class ConcurrentAliasSetIT {

    @TempDir
    Path scratch;

    @Test
    void tenProcessesMovingOneAliasAllSucceed() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        cli.run("create", "shared").succeeded();
        for (int i = 2; i <= 5; i++) {
            cli.run("config:set", "-a", "shared", "NUM=" + i).succeeded();
        }
        cli.run("alias:set", "-a", "shared", "live", "1").succeeded();
        cli.run("alias:set", "-a", "shared", "test", "5").succeeded();

        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writers.add(i % 3 == 2 ? cli.start("alias:promote", "-a", "shared", "test", "live", "--lock-timeout", "2m")
                    : cli.start("alias:set", "-a", "shared", "live", String.valueOf(1 + i % 5), "--lock-timeout", "2m"));
        }
        for (Process p : writers) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }

        List<Object> aliases = JSON.std.listFrom(cli.run("aliases", "-a", "shared", "--json").succeeded().out());
        Map<String, Object> live = (Map<String, Object>) aliases.stream()
                .filter(a -> "live".equals(((Map<String, Object>) a).get("name"))).findFirst().orElseThrow();
        assertThat(live.get("version")).isIn("1", "2", "3", "4", "5");
    }
}
