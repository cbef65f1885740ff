package io.lambdoku.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import io.lambdoku.core.alias.Aliases;
import io.lambdoku.core.app.Apps;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.core.lock.Guard;
import io.lambdoku.core.release.ReleaseScenarios;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a rollout does, against a real backend's Lambda API and rollout store (a subclass supplies both):
 * the alias moves step by step, the gates' verdicts decide, a failure puts the old version back alone, a
 * change made by anyone else pauses it, and a driver that stopped is taken over. The readings are scripted
 * here (the backends' readings of real traffic are tested beside them), and time is a clock the driver's
 * own waits move, so a ten-minute canary takes milliseconds. Subclasses open their backend lazily in
 * {@link #api()}: the set-up here runs before theirs.
 */
public abstract class RolloutScenarios {

    private static final Duration TTL = Duration.ofSeconds(30);

    protected abstract LambdaApi api();

    protected abstract RolloutStore store();

    /**
     * False where an alias's RevisionId does not change when the alias does (moto 5.2.1: static from
     * CreateAlias on), so a change made by someone else cannot be told from none.
     */
    protected boolean aliasRevisionChanges() {
        return true;
    }

    protected FunctionSettings python() {
        return new FunctionSettings("python3.12", "app.handler", "arn:aws:iam::000000000000:role/lambdoku-test", 128, 3,
                Map.of(), List.of());
    }

    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final ScriptedHealth health = new ScriptedHealth();
    private final List<ActivityEvent> activity = new CopyOnWriteArrayList<>();
    private final List<Rollout> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void shopOnV1WithV2Published() {
        new Apps(api(), Events.NONE).create("shop", python(), ReleaseScenarios.handler("v1"));
        new ConfigVars(api(), Events.NONE).set("shop", Map.of("MODE", "two")); // release (version) 2
        new Aliases(api(), Events.NONE).point("shop", "live", "1");
    }

    @Test
    void aHealthyCanaryGoesToTwentyPercentThenToAllOfTheTraffic() {
        health.answer("2", (from, to) -> reading("2", from, to, 40, 0));
        Rollouts rollouts = rollouts("ana@ci");

        rollouts.start(request("canary:20%:10m", gates(5.0, 0)));
        Rollout done = rollouts.drive("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(alias()).satisfies(a -> {
            assertThat(a.functionVersion()).isEqualTo("2");
            assertThat(a.additionalVersion()).isEmpty();
        });
        assertThat(seen).extracting(Rollout::weight).contains(20.0).endsWith(100.0);
        assertThat(Duration.between(done.started(), done.finished().orElseThrow())).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(activity).extracting(ActivityEvent::what).containsExactly("rollout started", "rollout succeeded");
    }

    @Test
    void aFailingVersionIsRolledBackAtItsFirstStep() {
        health.answer("2", (from, to) -> reading("2", from, to, 50, 17));
        Rollouts rollouts = rollouts("ana@ci");

        rollouts.start(request("linear:10:1m", gates(1.0, 0)));
        Rollout done = rollouts.drive("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(done.reason()).hasValue("error rate 34% > 1% over 50 invocations at 10%");
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(alias().additionalVersion()).isEmpty();
        assertThat(seen).extracting(Rollout::weight).doesNotContain(20.0);
    }

    @Test
    void aFailingPreHookNeverSendsTraffic() {
        String before = alias().revisionId();
        Rollouts rollouts = rollouts("ana@ci");

        rollouts.start(new StartRequest("shop", "live", "2", Strategy.parse("canary:20%:1m"), Gates.NONE,
                Optional.of(new Hook(Hook.Kind.COMMAND, "echo smoke test failed; exit 3")), Optional.empty()));
        Rollout done = rollouts.drive("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.FAILED);
        assertThat(done.reason().orElseThrow()).contains("exited 3").contains("smoke test failed").contains("no traffic moved to v2");
        assertThat(alias().revisionId()).isEqualTo(before);
        assertThat(seen).extracting(Rollout::weight).containsOnly(0.0);
    }

    @Test
    void hooksAreGivenTheRolloutInTheirEnvironment() {
        Rollouts rollouts = rollouts("ana@ci");

        rollouts.start(new StartRequest("shop", "live", "2", Strategy.parse("all-at-once"), Gates.NONE, Optional.empty(),
                Optional.of(new Hook(Hook.Kind.COMMAND,
                        "test \"$LAMBDOKU_FUNCTION/$LAMBDOKU_ALIAS/$LAMBDOKU_OLD_VERSION/$LAMBDOKU_NEW_VERSION/$LAMBDOKU_WEIGHT\""
                                + " = shop/live/1/2/100 || { echo \"got $LAMBDOKU_FUNCTION/$LAMBDOKU_WEIGHT\"; exit 1; }"))));
        Rollout done = rollouts.drive("shop", "live");

        assertThat(done.reason()).hasValue("v2 serves all of live");
        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
    }

    @Test
    void aFailingPostHookPutsTheOldVersionBack() {
        Rollouts rollouts = rollouts("ana@ci");

        rollouts.start(new StartRequest("shop", "live", "2", Strategy.parse("canary:50%:1m"), Gates.NONE, Optional.empty(),
                Optional.of(new Hook(Hook.Kind.COMMAND, "exit 1"))));
        Rollout done = rollouts.drive("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(done.reason().orElseThrow()).startsWith("post-hook command 'exit 1' exited 1");
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(seen).extracting(Rollout::weight).contains(100.0);
    }

    @Test
    void anInconclusiveStepIsHeldThenFails() {
        health.answer("2", (from, to) -> reading("2", from, to, 2, 0));
        Rollouts rollouts = rollouts("ana@ci");

        rollouts.start(request("canary:10%:1m", new Gates(Optional.empty(), Optional.empty(), Optional.empty(), 100,
                Duration.ofMinutes(5), List.of())));
        Rollout done = rollouts.drive("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(done.reason().orElseThrow()).startsWith("step 1/2 inconclusive after holding 5 min: only 2 invocations of v2 at 10%");
        assertThat(Duration.between(done.started(), done.finished().orElseThrow())).isGreaterThanOrEqualTo(Duration.ofMinutes(6));
        assertThat(seen).extracting(r -> r.reason().orElse("")).anyMatch(r -> r.startsWith("holding step 1/2"));
        // held past its due shift, the step is read again once a tick (5 s), not in a loop: each reading is
        // CloudWatch requests and a record write on AWS; 6 min of ticks is about 72 writes
        assertThat(seen.size()).as("record writes in 6 min of 5 s ticks").isLessThan(100);
        assertThat(alias().functionVersion()).isEqualTo("1");
    }

    @Test
    void anAliasChangedByHandPausesTheRolloutAndIsLeftAsItWas() {
        assumeTrue(aliasRevisionChanges(), "moto 5.2.1 keeps an alias's RevisionId static, so a change by hand is invisible");
        Rollouts rollouts = rollouts("ana@ci");
        health.answer("2", (from, to) -> {
            if (Duration.between(from, to).toSeconds() > 20 && alias().additionalVersion().isPresent()) {
                new Aliases(api(), Events.NONE).point("shop", "live", "1"); // someone moves it mid-step
            }
            return reading("2", from, to, 10, 0);
        });

        rollouts.start(request("canary:20%:1m", Gates.NONE));
        Rollout paused = rollouts.drive("shop", "live");

        assertThat(paused.phase()).isEqualTo(Phase.SHIFTING);
        assertThat(paused.paused()).hasValue("alias live was changed by someone else (now v1); not overwriting it");
        assertThat(paused.lease()).isEmpty();
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(alias().additionalVersion()).isEmpty();

        Rollout aborted = rollouts("bob@laptop").abort("shop", "live");
        assertThat(aborted.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(aborted.reason()).hasValue("aborted by bob@laptop");
    }

    @Test
    void aSecondStartOnTheSameAliasIsRefusedAndNamesTheFirst() {
        rollouts("ana@ci").start(request("canary:20%:1m", Gates.NONE));

        assertThatThrownBy(() -> rollouts("bob@laptop").start(request("linear:10:1m", Gates.NONE)))
                .isInstanceOf(RolloutException.class)
                .hasMessageStartingWith("A rollout is already active on alias live of shop: v1 → v2 (canary:20%:1m), Pending")
                .hasMessageContaining("driven by ana@ci");
        assertThat(store().history("shop", 10)).hasSize(1);
    }

    @Test
    void aDriverThatStoppedHeartbeatingIsTakenOverByResume() {
        rollouts("ana@ci").start(request("canary:20%:1m", Gates.NONE)); // and then this process is killed
        Rollouts bob = rollouts("bob@laptop");

        assertThatThrownBy(() -> bob.resume("shop", "live")).hasMessageContaining("is being driven by ana@ci");
        now = now.plus(TTL).plusSeconds(1);
        Rollout done = bob.resume("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(alias().functionVersion()).isEqualTo("2");
        assertThat(activity).extracting(ActivityEvent::what).contains("rollout resumed");
    }

    @Test
    void promoteSkipsTheRemainingWaits() {
        Rollouts rollouts = rollouts("ana@ci");
        rollouts.start(request("linear:10:1h", Gates.NONE));

        Rollout done = rollouts.promote("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(done.requests().promoteBy()).hasValue("ana@ci");
        assertThat(Duration.between(done.started(), done.finished().orElseThrow())).isLessThan(Duration.ofHours(1));
    }

    @Test
    void promoteStillRollsBackAFailingVersion() {
        health.answer("2", (from, to) -> reading("2", from, to, 20, 10));
        Rollouts rollouts = rollouts("ana@ci");
        rollouts.start(request("linear:10:1h", gates(1.0, 0)));

        Rollout done = rollouts.promote("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(alias().additionalVersion()).isEmpty();
    }

    @Test
    void aDriverKilledBetweenItsAliasWriteAndItsRecordIsCarriedOnWithoutAPause() {
        rollouts("ana@ci").start(request("canary:20%:1m", Gates.NONE));
        new Aliases(api(), Events.NONE).set("shop", "live", "1", Optional.of(new WeightedVersion("2", 0.2)), Optional.empty());
        now = now.plus(TTL).plusSeconds(1); // the record still says Pending with the old RevisionId; its driver is gone

        Rollout done = rollouts("bob@laptop").resume("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(seen).allSatisfy(r -> assertThat(r.paused()).isEmpty());
    }

    @Test
    void anAliasChangedWhileNobodyDroveIsNotOverwrittenByResume() {
        assumeTrue(aliasRevisionChanges(), "the backend keeps an alias's RevisionId unchanged");
        rollouts("ana@ci").start(request("canary:20%:1m", Gates.NONE));
        new Aliases(api(), Events.NONE).set("shop", "live", "1", Optional.of(new WeightedVersion("2", 0.33)), Optional.empty());
        now = now.plus(TTL).plusSeconds(1);

        Rollout paused = rollouts("bob@laptop").resume("shop", "live");

        assertThat(paused.paused().orElseThrow()).startsWith("alias live was changed by someone else (now v1 67% + v2 33%)");
        assertThat(alias().additionalVersion()).hasValue(new WeightedVersion("2", 0.33));
    }

    @Test
    void aDeletedAliasEndsTheRollout() {
        Rollouts rollouts = rollouts("ana@ci");
        health.answer("2", (from, to) -> {
            if (Duration.between(from, to).toSeconds() > 20) {
                api().deleteAlias("shop", "live");
            }
            return reading("2", from, to, 10, 0);
        });
        rollouts.start(request("canary:20%:1m", Gates.NONE));

        Rollout done = rollouts.drive("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.FAILED);
        assertThat(done.reason()).hasValue("alias live was deleted by someone else; the rollout ends");
        assertThat(store().current("shop", "live").orElseThrow().rollout().active()).isFalse();
    }

    @Test
    void aFailedReadingIsTriedAgainAtTheNextTick() {
        int[] calls = {0};
        health.answer("2", (from, to) -> {
            if (calls[0]++ < 3) {
                throw new IllegalStateException("Rate exceeded");
            }
            return reading("2", from, to, 10, 0);
        });
        Rollouts rollouts = rollouts("ana@ci");
        rollouts.start(request("canary:20%:1m", gates(5.0, 0)));

        Rollout done = rollouts.drive("shop", "live");

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(calls[0]).isGreaterThan(3);
    }

    @Test
    void anAliasThatDidNotExistIsCreatedOnTheNewVersion() {
        Rollouts rollouts = rollouts("ana@ci");
        rollouts.start(new StartRequest("shop", "beta", "2", Strategy.parse("canary:20%:1m"), Gates.NONE, Optional.empty(),
                Optional.empty()));

        Rollout done = rollouts.drive("shop", "beta");

        assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(api().getAlias("shop", "beta").functionVersion()).isEqualTo("2");
    }

    @Test
    void startRefusesWhatCannotBeRolledOut() {
        Rollouts rollouts = rollouts("ana@ci");

        assertThatThrownBy(() -> rollouts.start(new StartRequest("shop", "live", "1", Strategy.parse("all-at-once"), Gates.NONE,
                Optional.empty(), Optional.empty()))).hasMessage("Alias live of shop already points at v1.");
        assertThatThrownBy(() -> rollouts.start(new StartRequest("shop", "live", "$LATEST", Strategy.parse("all-at-once"),
                Gates.NONE, Optional.empty(), Optional.empty()))).hasMessageStartingWith("A rollout moves live to a published version");
        assertThat(store().current("shop", "live")).isEmpty();
    }

    private Alias alias() {
        return api().getAlias("shop", "live");
    }

    private static StartRequest request(String strategy, Gates gates) {
        return new StartRequest("shop", "live", "2", Strategy.parse(strategy), gates, Optional.empty(), Optional.empty());
    }

    private static Gates gates(double maxErrorRate, int minInvocations) {
        return new Gates(Optional.of(maxErrorRate), Optional.empty(), Optional.empty(), minInvocations, Gates.DEFAULT_MAX_HOLD,
                List.of());
    }

    private static Reading reading(String version, Instant from, Instant to, int invocations, int errors) {
        return new Reading(version, from, to, invocations, errors, 0, Optional.of(12.0));
    }

    private Rollouts rollouts(String holder) {
        Events events = new Events() {
            @Override
            public void rollout(Rollout rollout) {
                seen.add(rollout);
            }
        };
        Activity log = new Activity() {
            @Override
            public void record(String function, ActivityEvent event) {
                activity.add(event);
            }

            @Override
            public List<ActivityEvent> list(String function, int limit) {
                return new ArrayList<>(activity);
            }
        };
        return new Rollouts(api(), store(), health, request -> {
            throw new AssertionError("no function hook in these scenarios");
        }, Guard.NONE, log, events, new RolloutSettings(TTL, Duration.ofSeconds(5)), holder, clock(),
                ms -> now = now.plusMillis(ms));
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    /** Readings the test decides, per version; none for a version it did not script. */
    private static final class ScriptedHealth implements RolloutHealth {

        private final Map<String, BiFunction<Instant, Instant, Reading>> answers = new HashMap<>();

        void answer(String version, BiFunction<Instant, Instant, Reading> reading) {
            answers.put(version, reading);
        }

        @Override
        public Reading read(String function, String alias, String version, Instant from, Instant to) {
            return answers.getOrDefault(version, (f, t) -> Reading.none(version, f, t)).apply(from, to);
        }

        @Override
        public Optional<String> alarmState(String alarm) {
            return Optional.empty();
        }
    }
}
