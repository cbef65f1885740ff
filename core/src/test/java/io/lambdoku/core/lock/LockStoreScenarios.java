package io.lambdoku.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import io.lambdoku.core.event.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LockStore} must do, written once and run against each backend's store (and the
 * activity record beside it): one taker wins, every change is a compare-and-swap on what was read, and a
 * stale lease is taken over exactly once. Time is a clock the test moves, never a wait.
 */
public abstract class LockStoreScenarios {

    private static final Duration TTL = Duration.ofSeconds(30);

    protected abstract LockStore store();

    protected abstract Activity activity();

    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    private Lease lease(String function, String holder) {
        return new Lease(UUID.randomUUID().toString(), function, "deploy", holder, 4242, now, now, TTL);
    }

    @Test
    void theFirstTakeWinsAndTheSecondIsRefused() {
        StoredLease mine = store().create(lease("shop", "ana@ci-7")).orElseThrow();
        assertThat(store().create(lease("shop", "bob@laptop"))).isEmpty();
        Lease read = store().read("shop").orElseThrow().lease();
        assertThat(read).isEqualTo(mine.lease());
        assertThat(store().read("cart")).isEmpty();
        assertThat(store().create(lease("cart", "bob@laptop"))).isPresent();
    }

    @Test
    void aRenewalWithAStaleVersionIsRefused() {
        StoredLease first = store().create(lease("shop", "ana@ci-7")).orElseThrow();
        now = now.plusSeconds(5);
        StoredLease renewed = store().replace(first, first.lease().beating(now)).orElseThrow();
        assertThat(renewed.version()).isNotEqualTo(first.version());
        assertThat(store().read("shop").orElseThrow().lease().heartbeat()).isEqualTo(now);

        assertThat(store().replace(first, first.lease().beating(now.plusSeconds(1)))).isEmpty();
        assertThat(store().delete(first)).isFalse();
        assertThat(store().read("shop").orElseThrow().lease().heartbeat()).isEqualTo(now);
    }

    @Test
    void releasedLocksCanBeTakenAgainAndTheOldVersionMeansNothing() {
        StoredLease first = store().create(lease("shop", "ana@ci-7")).orElseThrow();
        assertThat(store().delete(first)).isTrue();
        assertThat(store().read("shop")).isEmpty();
        assertThat(store().replace(first, first.lease().beating(now))).isEmpty();

        StoredLease second = store().create(lease("shop", "bob@laptop")).orElseThrow();
        assertThat(store().replace(first, first.lease().beating(now))).isEmpty();
        assertThat(store().delete(first)).isFalse();
        assertThat(store().read("shop").orElseThrow()).isEqualTo(second);
    }

    @Test
    void aStaleLeaseIsTakenOverByOneRunOnly() {
        StoredLease dead = store().create(lease("shop", "ana@ci-7")).orElseThrow();
        StoredLease read = store().read("shop").orElseThrow();
        assertThat(store().replace(read, lease("shop", "bob@laptop"))).isPresent();
        assertThat(store().replace(read, lease("shop", "cy@box"))).isEmpty();
        assertThat(store().read("shop").orElseThrow().lease().holder()).isEqualTo("bob@laptop");
        assertThat(store().delete(dead)).isFalse();
    }

    @Test
    void aLiveHolderMakesTheGuardFailAtOnceNamingIt() {
        StoredLease theirs = store().create(lease("shop", "ana@ci-7")).orElseThrow();
        now = now.plusSeconds(39);
        store().replace(theirs, theirs.lease().beating(now)).orElseThrow();
        now = now.plusSeconds(3);
        LeasedGuard guard = guard("bob@laptop", Duration.ZERO);
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> guard.holding("shop", "config:set", () -> ran.add("work")))
                .isInstanceOf(LockedException.class)
                .hasMessageStartingWith("shop is locked by ana@ci-7 (deploy, 42 s ago, heartbeat 3 s ago); try again later")
                .hasMessageContaining("'lambdoku lock:break -a shop --reason …' if that run is gone.");
        assertThat(ran).isEmpty();
    }

    @Test
    void theGuardReleasesAfterTheWorkAndAfterAFailure() {
        LeasedGuard guard = guard("bob@laptop", Duration.ZERO);
        assertThat(guard.holding("shop", "config:set", () -> store().read("shop").orElseThrow().lease().operation()))
                .isEqualTo("config:set");
        assertThat(store().read("shop")).isEmpty();

        assertThatThrownBy(() -> guard.holding("shop", "rollback", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store().read("shop")).isEmpty();
        guard.close();
    }

    @Test
    void theGuardIsReentrantWithinOneRun() {
        LeasedGuard guard = guard("bob@laptop", Duration.ZERO);
        String inner = guard.holding("shop", "pipeline:promote", () -> guard.holding("shop", "deploy",
                () -> store().read("shop").orElseThrow().lease().operation()));
        assertThat(inner).isEqualTo("pipeline:promote");
        assertThat(store().read("shop")).isEmpty();
        guard.close();
    }

    @Test
    void aStaleLeaseIsTakenOverSaidAndRecorded() {
        store().create(lease("shop", "ana@ci-7")).orElseThrow();
        now = now.plus(TTL).plusSeconds(1);
        List<String> said = new ArrayList<>();
        Events events = new Events() {
            @Override
            public void lockTakenOver(String function, String holder, String operation, Duration age) {
                said.add(function + " " + holder + " " + operation + " " + age.toSeconds());
            }
        };
        LeasedGuard guard = new LeasedGuard(store(), activity(), events, new LockSettings(TTL, Duration.ZERO), "bob@laptop",
                clock());

        assertThat(guard.holding("shop", "rollback", () -> store().read("shop").orElseThrow().lease().holder()))
                .isEqualTo("bob@laptop");
        guard.close();

        assertThat(said).containsExactly("shop ana@ci-7 deploy 31");
        List<ActivityEvent> recorded = activity().list("shop", 10);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).what()).isEqualTo("lock taken over");
        assertThat(recorded.get(0).who()).isEqualTo("bob@laptop");
        assertThat(recorded.get(0).detail()).contains("from ana@ci-7 (deploy, 31 s ago, heartbeat 31 s ago)");
        assertThat(store().read("shop")).isEmpty();
    }

    @Test
    void breakingRemovesAnyLeaseAndRecordsWhoAndWhy() {
        Locks locks = new Locks(store(), activity(), clock());
        assertThat(locks.breakLock("shop", "nothing there", "cy@box")).isEmpty();
        store().create(lease("shop", "ana@ci-7")).orElseThrow();
        now = now.plusSeconds(3);
        assertThat(locks.show("shop")).map(Locks.Status::stale).contains(false);

        Optional<Lease> broken = locks.breakLock("shop", "CI job 88 was cancelled", "cy@box");
        assertThat(broken).map(Lease::holder).contains("ana@ci-7");
        assertThat(locks.show("shop")).isEmpty();
        ActivityEvent event = activity().list("shop", 10).get(0);
        assertThat(event.what()).isEqualTo("lock broken");
        assertThat(event.detail()).contains("ana@ci-7").contains("CI job 88 was cancelled");
    }

    @Test
    void activityListsNewestFirstPerFunction() {
        for (int i = 1; i <= 3; i++) {
            activity().record("shop", new ActivityEvent(now.plusSeconds(i), "ana@ci-7", "event " + i, "detail " + i));
        }
        activity().record("cart", new ActivityEvent(now, "ana@ci-7", "elsewhere", ""));
        assertThat(activity().list("shop", 2)).extracting(ActivityEvent::what).containsExactly("event 3", "event 2");
        assertThat(activity().list("shop", 10).get(2))
                .isEqualTo(new ActivityEvent(now.plusSeconds(1), "ana@ci-7", "event 1", "detail 1"));
    }

    private LeasedGuard guard(String holder, Duration timeout) {
        return new LeasedGuard(store(), activity(), Events.NONE, new LockSettings(TTL, timeout), holder, clock());
    }
}
