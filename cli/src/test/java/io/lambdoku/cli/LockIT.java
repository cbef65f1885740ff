package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lock.Lease;
import io.lambdoku.core.lock.StoredLease;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.lock.LocalLockStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leased locks between real processes: a writer that holds a function's lock for seconds (it waits out the
 * local backend's update delay) makes a second writer fail at once naming it, or wait with --lock-timeout;
 * a writer killed with SIGKILL leaves a lock that the next command takes over once its TTL has passed.
 */
@SuppressWarnings("unchecked")
class LockIT {

    @TempDir
    Path scratch;

    @Test
    void aSecondWriterFailsAtOnceNamingTheHolderOrWaitsAndNeitherUpdateIsLost() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        cli.run("create", "shop").succeeded();
        Process first = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_LOCAL_UPDATE_DELAY_MS", "3000"))
                .start("config:set", "-a", "shop", "FIRST=1");
        awaitLocked(cli, "shop");

        cli.run("config:set", "-a", "shop", "SECOND=2").failedWith(ExitCodes.LOCKED,
                "shop is locked by " + holder() + " (config:set, ");
        Map<String, Object> lock = JSON.std.mapFrom(cli.run("lock", "-a", "shop", "--json").succeeded().out());
        assertThat(lock).containsEntry("locked", true).containsEntry("operation", "config:set")
                .containsEntry("pid", (int) first.pid()).containsEntry("stale", false);

        CliRunner.Result waited = cli.run("config:set", "-a", "shop", "SECOND=2", "--lock-timeout", "30s").succeeded();
        assertThat(waited.err()).contains("Waiting for the lock on shop, held by " + holder() + " (config:set");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(new String(first.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "shop", "--json").succeeded().out()))
                .isEqualTo(Map.of("FIRST", "1", "SECOND", "2"));
        cli.run("lock", "-a", "shop").succeeded().outContains("shop is not locked.");
    }

    /**
     * A value the function already has is answered by reading, without a lease, only while no run holds one: against
     * a lease this test process holds in the scratch store, as any other run's is held, config:set fails naming the
     * holder whether it would change anything or not, and changes nothing; with the lease gone, the no-op answers.
     */
    @Test
    void aValueAlreadySetIsAnsweredByReadingOnlyWhileNoRunHoldsTheLock() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        cli.run("create", "shop").succeeded();
        cli.run("config:set", "-a", "shop", "MODE=fast").succeeded();
        try (LocalLambda store = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", cli.home().toString())))) {
            LocalLockStore locks = new LocalLockStore(store.database());
            Instant now = Instant.now();
            StoredLease held = locks.create(new Lease("held-by-test", "shop", "deploy", "someone@elsewhere", 4242, now, now,
                    Duration.ofHours(1))).orElseThrow();

            cli.run("config:set", "-a", "shop", "MODE=fast").failedWith(ExitCodes.LOCKED,
                    "shop is locked by someone@elsewhere (deploy, ");
            cli.run("config:set", "-a", "shop", "MODE=slow").failedWith(ExitCodes.LOCKED,
                    "shop is locked by someone@elsewhere (deploy, ");
            assertThat(JSON.std.mapFrom(cli.run("lock", "-a", "shop", "--json").succeeded().out()))
                    .containsEntry("holder", "someone@elsewhere").containsEntry("pid", 4242);

            assertThat(locks.delete(held)).isTrue();
        }
        cli.run("config:set", "-a", "shop", "MODE=fast").succeeded().outContains("No change: MODE already had that value.");
        cli.run("lock", "-a", "shop").succeeded().outContains("shop is not locked.");
        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "shop", "--json").succeeded().out()))
                .isEqualTo(Map.of("MODE", "fast"));
        assertThat(cli.run("releases", "-a", "shop").succeeded().out()).contains("Set MODE").doesNotContain("v3");
    }

    @Test
    void aKilledHoldersLockIsTakenOverAfterItsTtlAndRecorded() throws Exception {
        CliRunner cli = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_LOCK_TTL_SECONDS", "3"));
        cli.run("create", "shop").succeeded();
        Process doomed = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_LOCK_TTL_SECONDS", "3",
                "LAMBDOKU_LOCAL_UPDATE_DELAY_MS", "60000")).start("config:set", "-a", "shop", "DOOMED=1");
        awaitLocked(cli, "shop");
        doomed.destroyForcibly(); // the launcher execs java: this is SIGKILL to the holder itself
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();

        cli.run("config:set", "-a", "shop", "NEXT=1").failedWith(ExitCodes.LOCKED, "shop is locked by " + holder());

        awaitStale(cli, "shop");
        CliRunner.Result next = cli.run("config:set", "-a", "shop", "NEXT=1").succeeded();
        assertThat(next.err()).contains("Took over the lock on shop from " + holder() + " (config:set): no heartbeat for");

        List<Object> activity = JSON.std.listFrom(cli.run("activity", "-a", "shop", "--json").succeeded().out());
        assertThat(activity).hasSize(1);
        Map<String, Object> takeover = (Map<String, Object>) activity.get(0);
        assertThat(takeover).containsEntry("what", "lock taken over").containsEntry("who", holder());
        assertThat((String) takeover.get("detail")).contains("from " + holder() + " (config:set,");
        cli.run("activity", "-a", "shop").succeeded().outContains("lock taken over: from " + holder());
        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "shop", "--json").succeeded().out())).containsEntry("NEXT", "1");
    }

    @Test
    void twoDeploysOfOneFunctionNeverInterleaveAndAKilledDeployIsTakenOver() throws Exception {
        CliRunner cli = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_LOCK_TTL_SECONDS", "3"));
        Path app = Files.createDirectories(scratch.resolve("shop"));
        Files.writeString(app.resolve("lambdoku.json"), "{\"runtime\": \"python3.12\", \"handler\": \"app.handler\"}");
        Files.writeString(app.resolve("app.py"), "def handler(event, context):\n    return 'v1'\n");
        cli.run("deploy", app.toString()).succeeded();

        Files.writeString(app.resolve("app.py"), "def handler(event, context):\n    return 'v2'\n");
        Process first = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_LOCK_TTL_SECONDS", "3",
                "LAMBDOKU_LOCAL_UPDATE_DELAY_MS", "3000")).start("deploy", app.toString());
        awaitLocked(cli, "shop");
        Files.writeString(app.resolve("app.py"), "def handler(event, context):\n    return 'v3'\n");
        cli.run("deploy", app.toString()).failedWith(ExitCodes.LOCKED, "shop is locked by " + holder() + " (deploy, ");
        cli.run("deploy", app.toString(), "--lock-timeout", "60s").succeeded();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(new String(first.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        // one release per deploy, each whole: v2's code then v3's, and v3 is what runs
        List<Object> releases = JSON.std.listFrom(cli.run("releases", "-a", "shop", "--json").succeeded().out());
        assertThat(releases).hasSize(3);
        cli.run("invoke", "-a", "shop").succeeded().outContains("v3");

        Files.writeString(app.resolve("app.py"), "def handler(event, context):\n    return 'v4'\n");
        Process doomed = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_LOCK_TTL_SECONDS", "3",
                "LAMBDOKU_LOCAL_UPDATE_DELAY_MS", "60000")).start("deploy", app.toString());
        awaitLocked(cli, "shop");
        doomed.destroyForcibly();
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitStale(cli, "shop");
        CliRunner.Result next = cli.run("deploy", app.toString()).succeeded();
        assertThat(next.err()).contains("Took over the lock on shop from " + holder() + " (deploy): no heartbeat for");
        cli.run("invoke", "-a", "shop").succeeded().outContains("v4");
        cli.run("lock", "-a", "shop").succeeded().outContains("shop is not locked.");
    }

    @Test
    void lockBreakNeedsAReasonAndIsRecorded() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        cli.run("create", "shop").succeeded();
        cli.run("lock:break", "-a", "shop").failedWith(ExitCodes.USAGE, "lock:break needs --reason TEXT");
        cli.run("lock:break", "-a", "shop", "--reason", "nothing held").succeeded().outContains("shop is not locked; nothing to break.");

        Process holder = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_LOCAL_UPDATE_DELAY_MS", "60000"))
                .start("config:set", "-a", "shop", "HELD=1");
        awaitLocked(cli, "shop");
        cli.run("lock:break", "-a", "shop", "--reason", "CI job 88 was cancelled").succeeded()
                .outContains("Broke the lock on shop held by " + holder() + " (config:set,");
        cli.run("lock", "-a", "shop").succeeded().outContains("shop is not locked.");
        cli.run("activity", "-a", "shop").succeeded().outContains("lock broken: held by " + holder())
                .outContains("reason: CI job 88 was cancelled");
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBadLockTimeoutIsAUsageErrorAndChangesNothing() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        cli.run("create", "shop").succeeded();
        cli.run("config:set", "-a", "shop", "KEY=1", "--lock-timeout", "soon").failedWith(ExitCodes.USAGE,
                "--lock-timeout 'soon' is not a duration like 30s");
        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "shop", "--json").succeeded().out())).isEmpty();
    }

    private String holder;

    /** The holder as every process of this test names it: this user, on this machine. */
    private String holder() {
        return holder;
    }

    /** Waits until the other process holds the lock, and learns how it names itself ({@code user@host}). */
    private void awaitLocked(CliRunner cli, String function) throws Exception {
        for (int i = 0; i < 300; i++) {
            Map<String, Object> lock = JSON.std.mapFrom(cli.run("lock", "-a", function, "--json").succeeded().out());
            if (Boolean.TRUE.equals(lock.get("locked"))) {
                holder = (String) lock.get("holder");
                assertThat(holder).startsWith(System.getenv().getOrDefault("USER", System.getProperty("user.name")) + "@");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(function + " was never locked");
    }

    private static void awaitStale(CliRunner cli, String function) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (cli.run("lock", "-a", function).succeeded().out().contains("Stale:")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the lock on " + function + " never went stale");
    }
}
