package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.rollout.DriverLease;
import io.lambdoku.core.rollout.Gates;
import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.RolloutJson;
import io.lambdoku.core.rollout.RolloutStore;
import io.lambdoku.core.rollout.StoredRollout;
import io.lambdoku.core.rollout.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rollout records against S3 conditional writes on moto_server, which honours If-None-Match and If-Match as S3
 * does (412 PreconditionFailed): one writer wins from any one read, a stale version changes nothing, and a
 * finished rollout replaced by a new one stays in the history.
 */
class S3RolloutStoreOnMotoIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private AwsLambda aws;
    private RolloutStore store;

    @BeforeEach
    void fresh() {
        aws = AwsLambda.open(moto.options());
        store = aws.rolloutStore();
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void theFirstRolloutOnAnAliasIsCreatedOnceAndReadBackWhole() {
        assertThat(store.current("shop", "live")).isEmpty();

        StoredRollout created = store.create(rollout("r1", "live", T0), Optional.empty()).orElseThrow();

        assertThat(store.current("shop", "live")).contains(created);
        assertThat(store.create(rollout("r2", "live", T0.plusSeconds(1)), Optional.empty())).isEmpty();
        assertThat(store.current("shop", "live").orElseThrow().rollout().id()).isEqualTo("r1");
        assertThat(store.current("shop", "beta")).isEmpty();
        assertThat(store.current("cart", "live")).isEmpty();
    }

    @Test
    void ofTwoCreatesOverTheSameFinishedRolloutOnlyTheFirstWins() {
        StoredRollout finished = finish(store.create(rollout("r1", "live", T0), Optional.empty()).orElseThrow());

        StoredRollout mine = store.create(rollout("r2", "live", T0.plusSeconds(60)), Optional.of(finished)).orElseThrow();

        assertThat(store.create(rollout("r3", "live", T0.plusSeconds(61)), Optional.of(finished))).isEmpty();
        assertThat(store.current("shop", "live")).contains(mine);
        assertThat(store.history("shop", 10)).extracting(Rollout::id).containsExactly("r2", "r1");
    }

    @Test
    void aReplaceWithAStaleVersionLosesAndChangesNothing() {
        StoredRollout first = store.create(rollout("r1", "live", T0), Optional.empty()).orElseThrow();
        StoredRollout shifting = store.replace(first, first.rollout().withPhase(Phase.SHIFTING).withWeight(20)).orElseThrow();
        assertThat(shifting.version()).isNotEqualTo(first.version());

        assertThat(store.replace(first, first.rollout().withPhase(Phase.ROLLING_BACK))).isEmpty();
        assertThat(store.create(rollout("r2", "live", T0.plusSeconds(1)), Optional.of(first))).isEmpty();

        StoredRollout now = store.current("shop", "live").orElseThrow();
        assertThat(now).isEqualTo(shifting);
        assertThat(now.rollout().phase()).isEqualTo(Phase.SHIFTING);
        assertThat(now.rollout().weight()).isEqualTo(20.0);
        assertThat(store.history("shop", 10)).extracting(Rollout::id).containsExactly("r1");
    }

    @Test
    void aFinishedRolloutReplacedByANewOneStaysInTheHistoryNewestFirst() {
        StoredRollout r1 = finish(store.create(rollout("r1", "live", T0), Optional.empty()).orElseThrow());
        StoredRollout r2 = finish(store.create(rollout("r2", "live", T0.plusSeconds(600)), Optional.of(r1)).orElseThrow());
        store.create(rollout("b1", "beta", T0.plusSeconds(900)), Optional.empty()).orElseThrow();
        store.create(rollout("r3", "live", T0.plusSeconds(1200)), Optional.of(r2)).orElseThrow();
        store.create(rollout("cart", "c1", "live", T0.plusSeconds(1300)), Optional.empty()).orElseThrow();

        List<Rollout> history = store.history("shop", 10);

        assertThat(history).extracting(Rollout::id).containsExactly("r3", "b1", "r2", "r1");
        assertThat(history.get(2)).isEqualTo(r2.rollout());
        assertThat(history.get(3).phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(store.history("shop", 3)).extracting(Rollout::id).containsExactly("r3", "b1", "r2");
        assertThat(store.history("shop", 0)).isEmpty();
        assertThat(store.history("cart", 10)).extracting(Rollout::id).containsExactly("c1");
        assertThat(store.history("none", 10)).isEmpty();
    }

    @Test
    void aRolloutKeptButStillInItsSlotIsListedOnceAsTheSlotHasIt() {
        // a run that kept the slot's rollout in the history, then crashed or lost before the slot moved on
        StoredRollout r1 = store.create(rollout("r1", "live", T0), Optional.empty()).orElseThrow();
        aws.clients().s3().putObject(b -> b.bucket(MotoServer.BUCKET).key(S3RolloutStore.historyKey(r1.rollout())),
                software.amazon.awssdk.core.sync.RequestBody.fromString(RolloutJson.write(r1.rollout())));
        StoredRollout progressed = store.replace(r1, r1.rollout().withPhase(Phase.SHIFTING)).orElseThrow();

        assertThat(store.history("shop", 10)).containsExactly(progressed.rollout());
    }

    @Test
    void ofEightRunsCreatingTheSameAliassRolloutAtOnceExactlyOneWins() throws Exception {
        assertThat(race(i -> store.create(rollout("run" + i, "live", T0.plusSeconds(i)), Optional.empty())))
                .containsExactly(store.current("shop", "live").orElseThrow().rollout().id());

        StoredRollout finished = finish(store.current("shop", "live").orElseThrow());
        List<String> winners = race(i -> store.create(rollout("next" + i, "live", T0.plusSeconds(600 + i)), Optional.of(finished)));
        assertThat(winners).containsExactly(store.current("shop", "live").orElseThrow().rollout().id());
        assertThat(store.history("shop", 10)).hasSize(2);
    }

    @Test
    void withoutAnArtifactBucketRolloutsAskForSetup() {
        AwsOptions o = moto.options();
        try (AwsLambda noBucket = AwsLambda.open(new AwsOptions(o.region(), o.profile(), o.endpoint(), Optional.empty(), o.keys()))) {
            assertThatThrownBy(noBucket::rolloutStore).isInstanceOf(BackendException.class).hasMessageContaining("run 'lambdoku setup'");
        }
    }

    @Test
    void aSlotThatIsNoRolloutRecordIsNamedNotMisread() {
        aws.clients().s3().putObject(b -> b.bucket(MotoServer.BUCKET).key(S3RolloutStore.slot("shop", "live")),
                software.amazon.awssdk.core.sync.RequestBody.fromString("{\"hello\":1}"));

        assertThatThrownBy(() -> store.current("shop", "live")).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("The rollout record s3://" + MotoServer.BUCKET + "/lambdoku/rollouts/shop/live.json is not readable");
    }

    private interface Attempt {
        Optional<StoredRollout> run(int i);
    }

    /** Eight threads released together, each one attempt: the ids of the rollouts that were stored. */
    private static List<String> race(Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<StoredRollout>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                runs.add(pool.submit(() -> {
                    go.await();
                    return attempt.run(n);
                }));
            }
            go.countDown();
            List<String> won = new ArrayList<>();
            for (Future<Optional<StoredRollout>> run : runs) {
                run.get().ifPresent(s -> won.add(s.rollout().id()));
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }

    private StoredRollout finish(StoredRollout running) {
        Rollout r = running.rollout();
        return store.replace(running, r.withPhase(Phase.SUCCEEDED).withWeight(100).finishedAt(Phase.SUCCEEDED,
                r.started().plusSeconds(30))).orElseThrow();
    }

    private static Rollout rollout(String id, String alias, Instant started) {
        return rollout("shop", id, alias, started);
    }

    private static Rollout rollout(String function, String id, String alias, Instant started) {
        return new Rollout(id, function, alias, Optional.of("1"), "2", Strategy.parse("canary:20%:10s"),
                new Gates(Optional.of(1.0), Optional.of(Duration.ofMillis(800)), Optional.empty(), 10, Gates.DEFAULT_MAX_HOLD,
                        List.of("shop-Errors")),
                Optional.empty(), Optional.empty(), Phase.PENDING, 0, 0, Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.of(new DriverLease("lease-" + id, "ana@ci-7", 4242, started, Duration.ofSeconds(30))),
                Optional.empty(), Rollout.Requests.NONE, Optional.empty(), "ana@ci-7", started, Optional.empty());
    }
}
