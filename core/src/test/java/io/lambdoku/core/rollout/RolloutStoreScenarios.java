package io.lambdoku.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RolloutStore} must do, written once and run against each backend's store: an alias's
 * slot changes only by a compare-and-swap on what was read, so of two drivers only one wins; a finished
 * rollout taken over by a new one stays in the history.
 */
public abstract class RolloutStoreScenarios {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** The store under test; the same backend each call. */
    protected abstract RolloutStore store();

    /** A store of its own on the same backend, as another process would open it (closed by the subclass). */
    protected abstract RolloutStore anotherProcess();

    /** A rollout of {@code function}'s alias {@code alias} to v2, Pending, started {@code startedSeconds} after T0. */
    public static Rollout pending(String id, String function, String alias, long startedSeconds) {
        Instant started = T0.plusSeconds(startedSeconds);
        return new Rollout(id, function, alias, Optional.of("1"), "2", Strategy.parse("canary:20%:10s"), Gates.NONE,
                Optional.empty(), Optional.empty(), Phase.PENDING, 0, 0, Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.of(new DriverLease("lease-" + id, "ana@ci-7", 4242, started, Duration.ofSeconds(30))),
                Optional.empty(), Rollout.Requests.NONE, Optional.empty(), "ana@ci-7", started, Optional.empty());
    }

    @Test
    void theFirstRolloutOfAnAliasTakesItsEmptySlot() {
        assertThat(store().current("shop", "live")).isEmpty();
        StoredRollout stored = store().create(pending("r1", "shop", "live", 0), Optional.empty()).orElseThrow();

        assertThat(store().current("shop", "live")).contains(stored);
        assertThat(stored.rollout()).isEqualTo(pending("r1", "shop", "live", 0));
        assertThat(store().current("shop", "test")).isEmpty();
        assertThat(store().current("cart", "live")).isEmpty();
    }

    @Test
    void aSecondCreateNamingTheSamePreviousLoses() {
        assertThat(store().create(pending("r1", "shop", "live", 0), Optional.empty())).isPresent();
        assertThat(store().create(pending("r2", "shop", "live", 1), Optional.empty())).isEmpty();

        StoredRollout first = store().current("shop", "live").orElseThrow();
        StoredRollout done = store().replace(first, first.rollout().finishedAt(Phase.SUCCEEDED, T0.plusSeconds(20))).orElseThrow();
        assertThat(store().create(pending("r3", "shop", "live", 30), Optional.of(done))).isPresent();
        assertThat(store().create(pending("r4", "shop", "live", 31), Optional.of(done))).isEmpty();
        assertThat(store().create(pending("r5", "shop", "live", 32), Optional.of(first))).isEmpty();
        assertThat(store().current("shop", "live").orElseThrow().rollout().id()).isEqualTo("r3");
    }

    @Test
    void aReplaceWithAStaleVersionLosesAndChangesNothing() {
        StoredRollout read = store().create(pending("r1", "shop", "live", 0), Optional.empty()).orElseThrow();
        Rollout shifting = read.rollout().withPhase(Phase.SHIFTING).withWeight(20);
        StoredRollout mine = store().replace(read, shifting).orElseThrow();
        assertThat(mine.version()).isNotEqualTo(read.version());

        assertThat(store().replace(read, read.rollout().withPhase(Phase.ROLLING_BACK))).isEmpty();
        assertThat(store().current("shop", "live")).contains(mine);
        assertThat(store().history("shop", 10)).containsExactly(shifting);

        StoredRollout next = store().replace(mine, shifting.withWeight(100)).orElseThrow();
        assertThat(store().current("shop", "live").orElseThrow().rollout().weight()).isEqualTo(100);
        assertThat(store().replace(mine, shifting.withWeight(50))).isEmpty();
        assertThat(store().current("shop", "live")).contains(next);
    }

    @Test
    void aFinishedRolloutIsFollowedByANewOneAndBothAreInTheHistoryNewestFirst() {
        StoredRollout first = store().create(pending("r1", "shop", "live", 0), Optional.empty()).orElseThrow();
        Rollout rolledBack = first.rollout().withReason("error rate 34% > 1%").finishedAt(Phase.ROLLED_BACK, T0.plusSeconds(15));
        StoredRollout done = store().replace(first, rolledBack).orElseThrow();
        store().create(pending("r0", "shop", "test", 5), Optional.empty()).orElseThrow();
        store().create(pending("rx", "cart", "live", 50), Optional.empty()).orElseThrow();

        StoredRollout second = store().create(pending("r2", "shop", "live", 60), Optional.of(done)).orElseThrow();

        assertThat(store().current("shop", "live")).contains(second);
        assertThat(store().history("shop", 10)).extracting(Rollout::id).containsExactly("r2", "r0", "r1");
        assertThat(store().history("shop", 10).get(2)).isEqualTo(rolledBack);
        assertThat(store().history("shop", 2)).extracting(Rollout::id).containsExactly("r2", "r0");
        assertThat(store().replace(done, rolledBack.withReason("late"))).isEmpty();
    }

    @Test
    void ofEightProcessesRacingToStartOnOneAliasExactlyOneWins() throws Exception {
        List<RolloutStore> stores = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stores.add(anotherProcess());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(stores.size());
        try {
            List<Future<Optional<StoredRollout>>> tries = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                RolloutStore mine = stores.get(i);
                Rollout rollout = pending("racer-" + i, "shop", "live", i);
                Optional<StoredRollout> seen = mine.current("shop", "live"); // all of them saw the empty slot
                Callable<Optional<StoredRollout>> attempt = () -> {
                    go.await();
                    return mine.create(rollout, seen);
                };
                tries.add(pool.submit(attempt));
            }
            go.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<Optional<StoredRollout>> t : tries) {
                t.get().ifPresent(w -> winners.add(w.rollout().id()));
            }
            assertThat(winners).hasSize(1);
            assertThat(store().current("shop", "live").orElseThrow().rollout().id()).isEqualTo(winners.get(0));
            assertThat(store().history("shop", 10)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
