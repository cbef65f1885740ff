package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Rollouts through the launcher on the local backend, with real Python functions and real traffic on
 * {@code app:live} (through 'local serve') while they run: a healthy release takes all of it, a failing one is
 * rolled back by itself, a failing pre hook never sends it any, a killed driver's rollout is finished by
 * another process, an alias moved by hand pauses it, two starts on one alias make one rollout. The scenarios
 * mostly wait out intervals of a few seconds, so they run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
@SuppressWarnings("unchecked")
class RolloutIT {

    private static final String V1 = "def handler(event, context):\n    return 'v1'\n";
    private static final String V2 = "def handler(event, context):\n    return 'v2'\n";
    private static final String FLAKY_V2 = "import random\n\n\ndef handler(event, context):\n"
            + "    if random.random() < 0.5:\n        raise Exception('v2 broke')\n    return 'v2'\n";
    /** The lease goes stale 3 s after its driver's last heartbeat (a tick is then 0.75 s). */
    private static final Map<String, String> SHORT_LEASE = Map.of("LAMBDOKU_LOCK_TTL_SECONDS", "3");

    @TempDir
    Path scratch;

    @Test
    void aHealthyReleaseTakesAllTheTrafficStepByStep() throws Exception {
        CliRunner cli = appOnV1WithV2(V2);
        try (Traffic traffic = Traffic.on(cli, "app", "live").warmed(3)) {
            CliRunner.Result r = cli.run("rollout:start", "-a", "app", "--alias", "live", "--to", "2",
                    "--strategy", "steps:20,50:2s", "--max-error-rate", "5%").succeeded();
            assertThat(r.err()).contains("app live v1 -> v2: Shifting step 1/3, 20% on v2")
                    .contains("Shifting step 2/3, 50% on v2");
            assertThat(r.out()).contains("Rolled out v2 on live: 100% on v2.");
            assertThat(traffic.ran("2")).as("v2 served part of the traffic before all of it").isPositive();
        }
        assertThat(alias(cli, "live")).containsEntry("version", "2").doesNotContainKey("additionalVersionWeights");
        List<Object> history = JSON.std.listFrom(cli.run("rollouts", "-a", "app", "--json").succeeded().out());
        assertThat((Map<String, Object>) history.get(0)).containsEntry("phase", "Succeeded").containsEntry("newVersion", "2")
                .containsEntry("oldVersion", "1");
        cli.run("rollouts", "-a", "app").succeeded().outContains("live").outContains("v1 -> v2").outContains("Succeeded");
    }

    @Test
    void aReleaseFailingHalfItsInvocationsIsRolledBackAtItsFirstStep() throws Exception {
        CliRunner cli = appOnV1WithV2(FLAKY_V2);
        try (Traffic traffic = Traffic.on(cli, "app", "live").warmed(3)) {
            CliRunner.Result r = cli.run("rollout:start", "-a", "app", "--alias", "live", "--to", "2",
                    "--strategy", "canary:50%:60s", "--max-error-rate", "1%");
            assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
            assertThat(lastLine(r.err())).startsWith("Rolled back v2 on live: error rate ").contains("> 1% over ")
                    .endsWith("at 50%");
            assertThat(r.err()).doesNotContain("Exception");
        }
        assertThat(alias(cli, "live")).containsEntry("version", "1").doesNotContainKey("additionalVersionWeights");
        Map<String, Object> record = JSON.std.mapFrom(cli.run("rollout", "-a", "app", "--json").succeeded().out());
        assertThat(record).containsEntry("phase", "RolledBack").containsEntry("step", 0);
    }

    @Test
    void aFailingPreHookNeverSendsTrafficToTheNewRelease() throws Exception {
        CliRunner cli = appOnV1WithV2(V2);
        Map<String, Object> before = alias(cli, "live");
        try (Traffic traffic = Traffic.on(cli, "app", "live").warmed(3)) {
            CliRunner.Result r = cli.run("rollout:start", "-a", "app", "--alias", "live", "--to", "2",
                    "--strategy", "canary:50%:2s", "--pre-hook-cmd", "exit 3");
            assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
            assertThat(lastLine(r.err())).contains("v2 on live").contains("exit 3");
            assertThat(traffic.ran("2")).isZero();
            assertThat(traffic.ran("1")).isPositive();
        }
        assertThat(alias(cli, "live")).isEqualTo(before);
    }

    @Test
    void anInconclusiveStepIsHeldThenFails() throws Exception {
        CliRunner cli = appOnV1WithV2(V2);
        long t0 = System.nanoTime();
        CliRunner.Result r = cli.run("rollout:start", "-a", "app", "--alias", "live", "--to", "2",
                "--strategy", "canary:20%:1s", "--min-invocations", "5", "--max-hold", "3s");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(lastLine(r.err())).contains("v2 on live").contains("--min-invocations 5");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("held past its 1 s interval").isGreaterThan(3000);
        assertThat(alias(cli, "live")).containsEntry("version", "1").doesNotContainKey("additionalVersionWeights");
    }

    @Test
    void aKilledDriversRolloutIsFinishedByResumeFromAnotherProcess() throws Exception {
        CliRunner cli = appOnV1WithV2(V2).withEnv(SHORT_LEASE);
        Process driver = cli.start("rollout:start", "-a", "app", "--alias", "live", "--to", "2", "--strategy", "canary:50%:3s");
        Map<String, Object> shifting = awaitPhase(cli, "Shifting");
        assertThat(((Map<String, Object>) shifting.get("driver")).get("pid")).isEqualTo((int) driver.pid());
        driver.destroyForcibly(); // the launcher execs java: SIGKILL to the driver itself
        assertThat(driver.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(alias(cli, "live")).containsEntry("additionalVersionWeights", Map.of("2", 0.5));

        awaitStale(cli);
        CliRunner.Result resumed = cli.run("rollout:resume", "-a", "app").succeeded();
        assertThat(resumed.out()).contains("Rolled out v2 on live");
        assertThat(alias(cli, "live")).containsEntry("version", "2").doesNotContainKey("additionalVersionWeights");
    }

    @Test
    void anAliasMovedByHandPausesTheRolloutAndStaysAsTheHandSetIt() throws Exception {
        CliRunner cli = appOnV1WithV2(V2);
        Process driver = cli.start("rollout:start", "-a", "app", "--alias", "live", "--to", "2", "--strategy", "canary:50%:20s");
        awaitPhase(cli, "Shifting");
        cli.run("alias:set", "-a", "app", "live", "1", "--weight", "2=0.1").succeeded();
        assertThat(driver.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(driver.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(driver.exitValue()).as(err).isEqualTo(ExitCodes.FAILURE);
        assertThat(lastLine(err)).startsWith("Rollout paused at 50% on live (").contains("rollout:resume -a app --alias live")
                .contains("rollout:abort -a app --alias live");
        assertThat(err).containsIgnoringCase("changed");
        assertThat(alias(cli, "live")).containsEntry("version", "1").containsEntry("additionalVersionWeights", Map.of("2", 0.1));
    }

    @Test
    void twoStartsOnOneAliasMakeOneRolloutAndTheLoserNamesItsDriver() throws Exception {
        CliRunner cli = appOnV1WithV2(V2);
        String[] start = {"rollout:start", "-a", "app", "--alias", "live", "--to", "2", "--strategy", "canary:50%:60s"};
        Process first = cli.start(start);
        Process second = cli.start(start);
        Process loser = null;
        for (int i = 0; i < 1200 && loser == null; i++) {
            loser = !first.isAlive() ? first : !second.isAlive() ? second : null;
            Thread.sleep(50);
        }
        assertThat(loser).as("one of the two ends at once").isNotNull();
        Process winner = loser == first ? second : first;
        String err = new String(loser.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(loser.exitValue()).as(err).isEqualTo(ExitCodes.FAILURE);
        assertThat(lastLine(err)).startsWith("Error: A rollout is already active on").contains("pid " + winner.pid());

        cli.run("rollout:promote", "-a", "app", "--alias", "live").succeeded().outContains("Rolled out v2 on live");
        assertThat(winner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(winner.exitValue()).isZero();
        assertThat(JSON.std.listFrom(cli.run("rollouts", "-a", "app", "--json").succeeded().out())).hasSize(1);
    }

    @Test
    void anInterruptedDriverLeavesTheRolloutPausedWithTheWayOn() throws Exception {
        CliRunner cli = appOnV1WithV2(V2);
        Process driver = cli.start("rollout:start", "-a", "app", "--alias", "live", "--to", "2", "--strategy", "canary:50%:60s");
        awaitPhase(cli, "Shifting");
        // SIGTERM runs the shutdown hook Ctrl-C's SIGINT runs (which a test JVM started in the background may have
        // inherited as ignored); through the handle, so the driver's stderr stays readable
        assertThat(driver.toHandle().destroy()).isTrue();
        assertThat(driver.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(driver.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lastLine(err)).isEqualTo("Rollout paused at 50% on live (interrupted); continue with 'lambdoku rollout:resume"
                + " -a app --alias live' or 'lambdoku rollout:abort -a app --alias live'.");
        assertThat(alias(cli, "live")).containsEntry("additionalVersionWeights", Map.of("2", 0.5));
        cli.run("rollout:abort", "-a", "app").succeeded();
        assertThat(alias(cli, "live")).containsEntry("version", "1").doesNotContainKey("additionalVersionWeights");
    }

    @Test
    void noWaitLeavesADetachedDriverThatWatchFollowsToTheEnd() throws Exception {
        CliRunner cli = appOnV1WithV2(V2);
        CliRunner.Result started = cli.run("rollout:start", "-a", "app", "--alias", "live", "--to", "v2", "--strategy",
                "canary:50%:2s", "--no-wait").succeeded();
        assertThat(started.out()).contains("Started rolling out v2 on live").contains("lambdoku rollout --watch -a app --alias live");
        CliRunner.Result watched = cli.run("rollout", "--watch", "-a", "app").succeeded();
        assertThat(watched.out()).contains("Rolled out v2 on live");
        assertThat(alias(cli, "live")).containsEntry("version", "2").doesNotContainKey("additionalVersionWeights");
        assertThat(Files.list(cli.home().resolve("rollouts")).toList()).hasSize(1);

        // all-at-once ends within the child's first tick: the parent still reports it started, not a failure
        cli.run("rollout:start", "-a", "app", "--alias", "live", "--to", "1", "--strategy", "all-at-once", "--no-wait").succeeded();
        assertThat(cli.run("rollout", "--watch", "-a", "app").succeeded().out()).contains("Rolled out v1 on live");
        assertThat(alias(cli, "live")).containsEntry("version", "1");
    }

    @Test
    void badRolloutOptionsAreOneSentenceNamingTheFlagAndChangeNothing() throws Exception {
        CliRunner cli = appOnV1WithV2(V2);
        String[] base = {"rollout:start", "-a", "app", "--alias", "live", "--to", "2"};
        cli.run(with(base, "--strategy", "canary:abc:10s")).failedWith(ExitCodes.USAGE, "--strategy");
        cli.run(with(base, "--strategy", "canary:20%:10s", "--max-error-rate", "lots")).failedWith(ExitCodes.USAGE,
                "--max-error-rate 'lots'");
        cli.run(with(base, "--strategy", "canary:20%:10s", "--max-p99", "fast")).failedWith(ExitCodes.USAGE, "--max-p99 'fast'");
        cli.run(with(base, "--strategy", "canary:20%:10s", "--min-invocations", "-1")).failedWith(ExitCodes.USAGE,
                "--min-invocations '-1'");
        cli.run(with(base, "--strategy", "canary:20%:10s", "--pre-hook", "f", "--pre-hook-cmd", "true"))
                .failedWith(ExitCodes.USAGE, "--pre-hook");
        cli.run("rollout:start", "-a", "app", "--alias", "live", "--strategy", "all-at-once").failedWith(ExitCodes.USAGE, "--to");
        cli.run("deploy", scratch.resolve("app").toString(), "--strategy", "canary:20%:10s").failedWith(ExitCodes.USAGE,
                "--strategy rolls the release out to an alias; give --alias ALIAS.");
        cli.run("deploy", scratch.resolve("app").toString(), "--alias", "live", "--max-error-rate", "1%")
                .failedWith(ExitCodes.USAGE, "--max-error-rate gates a rollout");
        cli.run("rollout", "-a", "app").failedWith(ExitCodes.FAILURE, "No rollout on app yet");
        assertThat(alias(cli, "live")).containsEntry("version", "1");
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "app", "--json").succeeded().out())).hasSize(2);
    }

    /** Done when: the example deployed with a canary while traffic runs shifts 20% then 100% and exits 0. */
    @Test
    void deployWithACanaryRollsTheExampleOutUnderTraffic() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        Path hello = scratch.resolve("hello-python");
        Files.createDirectories(hello);
        for (Path f : Files.list(cli.repo().resolve("examples/hello-python")).toList()) {
            Files.copy(f, hello.resolve(f.getFileName()));
        }
        cli.run("deploy", hello.toString(), "--alias", "live").succeeded();
        Files.writeString(hello.resolve("app.py"), Files.readString(hello.resolve("app.py")).replace("Hello", "Hi"));
        try (Traffic traffic = Traffic.on(cli, "hello", "live").warmed(3)) {
            CliRunner.Result r = cli.run("deploy", hello.toString(), "--alias", "live", "--strategy", "canary:20%:10s",
                    "--max-error-rate", "5%").succeeded();
            assertThat(r.out()).contains("Released v2 of hello").contains("Rolled out v2 on live: 100% on v2.");
            assertThat(r.err()).contains("hello live v1 -> v2: Shifting step 1/2, 20% on v2");
            assertThat(traffic.ran("2")).isPositive();
        }
        assertThat(alias(cli, "hello", "live")).containsEntry("version", "2").doesNotContainKey("additionalVersionWeights");

        Files.writeString(hello.resolve("app.py"), "def handler(event, context):\n    raise RuntimeError('v3 is broken')\n");
        try (Traffic traffic = Traffic.on(cli, "hello", "live").warmed(3)) {
            CliRunner.Result r = cli.run("deploy", hello.toString(), "--alias", "live", "--strategy", "canary:20%:10s",
                    "--max-error-rate", "5%").failedWithCode(ExitCodes.FAILURE);
            assertThat(r.out()).contains("Released v3 of hello");
            assertThat(lastLine(r.err())).startsWith("Rolled back v3 on live: error rate 100% > 5% over ");
        }
        assertThat(alias(cli, "hello", "live")).containsEntry("version", "2").doesNotContainKey("additionalVersionWeights");
    }

    /** A function "app" whose alias live serves v1, and a release v2 of {@code v2Code} that nothing serves yet. */
    private CliRunner appOnV1WithV2(String v2Code) throws Exception {
        CliRunner cli = new CliRunner(scratch);
        Path app = Files.createDirectories(scratch.resolve("app"));
        Files.writeString(app.resolve("lambdoku.json"), "{\"name\": \"app\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\"}");
        Files.writeString(app.resolve("app.py"), V1);
        cli.run("deploy", app.toString(), "--alias", "live").succeeded();
        Files.writeString(app.resolve("app.py"), v2Code);
        cli.run("deploy", app.toString()).succeeded();
        return cli;
    }

    private static Map<String, Object> alias(CliRunner cli, String name) throws Exception {
        return alias(cli, "app", name);
    }

    private static Map<String, Object> alias(CliRunner cli, String function, String name) throws Exception {
        for (Object a : JSON.std.listFrom(cli.run("aliases", "-a", function, "--json").succeeded().out())) {
            if (name.equals(((Map<String, Object>) a).get("name"))) {
                return (Map<String, Object>) a;
            }
        }
        throw new AssertionError("no alias " + name);
    }

    private static Map<String, Object> awaitPhase(CliRunner cli, String phase) throws Exception {
        for (int i = 0; i < 300; i++) {
            CliRunner.Result r = cli.run("rollout", "-a", "app", "--alias", "live", "--json");
            if (r.exit() == 0) {
                Map<String, Object> record = JSON.std.mapFrom(r.out());
                if (phase.equals(record.get("phase"))) {
                    return record;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the rollout never reached " + phase);
    }

    private static void awaitStale(CliRunner cli) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (cli.run("rollout", "-a", "app", "--alias", "live").succeeded().out().contains("(stale")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the driver's lease never went stale");
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
