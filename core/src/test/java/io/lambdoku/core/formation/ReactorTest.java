package io.lambdoku.core.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reactor's scheduling alone: which rows it reconciles, never one row twice at once, failures apart. */
class ReactorTest {

    private final InMemoryFormationStore store = new InMemoryFormationStore("test");
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();

    private Reactor reactor(Reactor.RowReconcile reconcile) {
        return new Reactor(store, () -> List.of("stray"), reconcile, ReactorEvents.NONE,
                new Reactor.Options(Duration.ofHours(1), 4, new RetryDelay(Duration.ofMillis(10), Duration.ofMillis(40)),
                        Duration.ofMillis(10)));
    }

    private Outcome counted(String name, Outcome outcome) {
        if (running.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        Thread.onSpinWait();
        running.get(name).decrementAndGet();
        return outcome;
    }

    private static DesiredChange scale(int n) {
        return new DesiredChange(Optional.empty(), Optional.of(n), Optional.empty(), Optional.empty());
    }

    @Test
    void aResyncLooksAtEveryRowAndEveryFunction() {
        store.put("shop", scale(1));
        store.put("cart", scale(1));
        Reactor r = reactor(name -> counted(name, Outcome.done(1)));

        r.resync();
        r.close();

        assertThat(calls.keySet()).containsExactlyInAnyOrder("shop", "cart", "stray");
    }

    @Test
    void aFailingRowIsRetriedWhileAnotherIsNotHeldUp() throws Exception {
        store.put("broken", scale(1));
        store.put("shop", scale(1));
        CountDownLatch retried = new CountDownLatch(3);
        CountDownLatch shopDone = new CountDownLatch(1);
        Reactor r = reactor(name -> {
            if (name.equals("broken")) {
                retried.countDown();
                return counted(name, Outcome.failed(1, "no"));
            }
            shopDone.countDown();
            return counted(name, Outcome.done(1));
        });

        r.resync();

        assertThat(shopDone.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(retried.await(30, TimeUnit.SECONDS)).isTrue();
        r.close();
        assertThat(calls.get("shop").get()).isEqualTo(1);
    }

    @Test
    void aResyncLeavesAFailedRowToItsRetryDelayButAChangeToTheRowCutsItShort() throws Exception {
        store.put("broken", scale(1));
        CountDownLatch[] calls = {new CountDownLatch(1), new CountDownLatch(2)};
        AtomicInteger n = new AtomicInteger();
        Reactor r = new Reactor(store, List::of, name -> {
            n.incrementAndGet();
            calls[0].countDown();
            calls[1].countDown();
            return Outcome.failed(1, "no");
        }, ReactorEvents.NONE, new Reactor.Options(Duration.ofHours(1), 2,
                new RetryDelay(Duration.ofHours(1), Duration.ofHours(1)), Duration.ofMillis(10)));

        r.resync();
        assertThat(calls[0].await(30, TimeUnit.SECONDS)).isTrue();
        awaitRetryPending(r, "broken");
        r.resync();
        assertThat(r.retryPending("broken")).isTrue();
        assertThat(n.get()).isEqualTo(1);

        r.request("broken");
        assertThat(calls[1].await(30, TimeUnit.SECONDS)).isTrue();
        r.close();
    }

    /** Until the failed reconcile has recorded its outcome: its retry scheduled. */
    private static void awaitRetryPending(Reactor r, String name) throws InterruptedException {
        for (int i = 0; i < 3000 && !r.retryPending(name); i++) {
            Thread.sleep(10);
        }
        assertThat(r.retryPending(name)).isTrue();
    }

    @Test
    void requestsForARowBeingReconciledRunItOnceMoreAfterNeverAlongside() throws Exception {
        store.put("shop", scale(1));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger n = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(1);
        Reactor r = reactor(name -> {
            if (n.incrementAndGet() == 1) {
                inside.countDown();
                await(release);
            } else {
                second.countDown();
            }
            return counted(name, Outcome.done(1));
        });

        r.request("shop");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        r.request("shop");
        r.request("shop");
        r.request("shop");
        release.countDown();

        assertThat(second.await(30, TimeUnit.SECONDS)).isTrue();
        r.close();
        assertThat(n.get()).isEqualTo(2);
        assertThat(overlaps.get()).isZero();
    }

    @Test
    void theLoopReconcilesARowTheFeedNames() throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        Reactor r = reactor(name -> {
            if (name.equals("late")) {
                seen.countDown();
            }
            return Outcome.done(1);
        });
        Thread loop = new Thread(r::run);
        loop.start();

        store.put("late", scale(1));

        assertThat(seen.await(30, TimeUnit.SECONDS)).isTrue();
        r.close();
        loop.join(30_000);
        assertThat(loop.isAlive()).isFalse();
    }

    @Test
    void aFeedThatFailsIsReportedAndOpenedAgainAndTheLoopGoesOn() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        FormationStore flaky = new ForwardingFormationStore(store) {
            @Override
            public FormationChanges changes() {
                FormationChanges real = super.changes();
                if (opened.incrementAndGet() > 1) {
                    return real;
                }
                real.close();
                return new FormationChanges() {
                    @Override
                    public java.util.Set<String> poll(Duration timeout) {
                        throw new IllegalStateException("Rate exceeded");
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch seen = new CountDownLatch(1);
        Reactor r = new Reactor(flaky, List::of, name -> {
            if (name.equals("late")) {
                seen.countDown();
            }
            return Outcome.done(1);
        }, (app, action, detail) -> {
            if (action.equals("error")) {
                errors.add(detail);
            }
        }, new Reactor.Options(Duration.ofHours(1), 2, new RetryDelay(Duration.ofMillis(10), Duration.ofMillis(40)),
                Duration.ofMillis(10)));
        Thread loop = new Thread(r::run);
        loop.start();
        for (int i = 0; i < 3000 && opened.get() < 2; i++) {
            Thread.sleep(10);
        }

        store.put("late", scale(1));

        assertThat(seen.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.isAlive()).isTrue();
        assertThat(errors).containsExactly("The change feed of " + store.describe() + " failed: Rate exceeded. Opening it again in 0.01 s.");
        r.close();
        loop.join(30_000);
        assertThat(loop.isAlive()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
