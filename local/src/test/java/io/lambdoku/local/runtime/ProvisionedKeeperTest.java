package io.lambdoku.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.invoke.ThrottledException;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.core.lambda.ProvisionedConcurrency.Status;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioned concurrency kept for real: environments started and initialised before READY, used first, their
 * invocations without an Init Duration, re-provisioned when the alias moves; reserved concurrency as the cap.
 */
class ProvisionedKeeperTest {

    private static final String APP = """
            import os, time
            def handler(event, context):
                time.sleep(event.get("sleep", 0))
                return {"init": os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE"),
                        "version": os.environ["AWS_LAMBDA_FUNCTION_VERSION"]}
            """;

    @TempDir
    Path tmp;

    private LocalLambda lambda;
    private LocalInvoker invoker;
    private ProvisionedKeeper keeper;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "eu-west-1", Duration.ZERO));
        invoker = new LocalInvoker(lambda);
        keeper = ProvisionedKeeper.start(lambda, invoker);
    }

    @AfterEach
    void close() {
        keeper.close();
        invoker.close();
        lambda.close();
    }

    @Test
    void provisionedEnvironmentsAreReadyBeforeUseAndTheirInvocationsHaveNoInitDuration() throws Exception {
        createWithAlias("warm", APP);
        lambda.putProvisionedConcurrency("warm", "live", 3);
        ProvisionedConcurrency ready = await("warm", "live", p -> p.status() == Status.READY);
        assertThat(ready.allocated()).isEqualTo(3);
        assertThat(ready.available()).isEqualTo(3);
        assertThat(ready.statusReason()).isEmpty();

        List<InvokeResult> all = parallel(3, () -> FunctionFixture.invoke(invoker, "warm", "live", "{\"sleep\": 0.5}"));
        assertThat(all).allSatisfy(r -> {
            assertThat(FunctionFixture.log(r)).contains("REPORT RequestId").doesNotContain("Init Duration");
            assertThat(FunctionFixture.json(r)).containsEntry("init", "provisioned-concurrency").containsEntry("version", "1");
        });
        // the version the alias points at uses them too, as on Lambda; $LATEST is not provisioned
        assertThat(FunctionFixture.log(FunctionFixture.invoke(invoker, "warm", "1", "{}"))).doesNotContain("Init Duration");
        InvokeResult latest = FunctionFixture.invoke(invoker, "warm", FunctionConfig.LATEST, "{}");
        assertThat(FunctionFixture.log(latest)).contains("Init Duration");
        assertThat(FunctionFixture.json(latest)).containsEntry("init", "on-demand");
    }

    @Test
    void movingTheAliasReprovisionsOnTheNewVersionAndStopsTheOldOnes() throws Exception {
        createWithAlias("moving", APP);
        lambda.putProvisionedConcurrency("moving", "live", 1);
        await("moving", "live", p -> p.status() == Status.READY);
        FunctionConfig latest = lambda.getFunction("moving", FunctionConfig.LATEST);
        lambda.updateFunctionConfiguration("moving", latest.settings().withMemorySize(256), Optional.of(latest.revisionId()));
        lambda.publishVersion("moving", "two", Optional.empty(), Optional.empty());
        lambda.updateAlias("moving", new AliasSpec("live", "2", Optional.empty(), ""), Optional.empty());

        assertThat(lambda.provisionedConcurrency("moving", "live").orElseThrow().status()).isEqualTo(Status.IN_PROGRESS);
        await("moving", "live", p -> p.status() == Status.READY);
        InvokeResult moved = FunctionFixture.invoke(invoker, "moving", "live", "{}");
        assertThat(FunctionFixture.json(moved)).containsEntry("version", "2").containsEntry("init", "provisioned-concurrency");
        assertThat(FunctionFixture.log(moved)).doesNotContain("Init Duration");
        // version 1's provisioned environment is gone: invoking it starts one on demand
        assertThat(FunctionFixture.log(FunctionFixture.invoke(invoker, "moving", "1", "{}"))).contains("Init Duration");
    }

    @Test
    void aWeightedAliasSplitsItsEnvironmentsBetweenItsTwoVersions() throws Exception {
        createWithAlias("split", APP);
        FunctionConfig latest = lambda.getFunction("split", FunctionConfig.LATEST);
        lambda.updateFunctionConfiguration("split", latest.settings().withMemorySize(256), Optional.of(latest.revisionId()));
        lambda.publishVersion("split", "two", Optional.empty(), Optional.empty());
        lambda.updateAlias("split", new AliasSpec("live", "1", Optional.of(new WeightedVersion("2", 0.5)), ""), Optional.empty());
        lambda.putProvisionedConcurrency("split", "live", 2);
        assertThat(await("split", "live", p -> p.status() == Status.READY).allocated()).isEqualTo(2);
        for (String version : List.of("1", "2")) {
            InvokeResult r = FunctionFixture.invoke(invoker, "split", version, "{}");
            assertThat(FunctionFixture.json(r)).containsEntry("init", "provisioned-concurrency");
            assertThat(FunctionFixture.log(r)).doesNotContain("Init Duration");
        }
    }

    @Test
    void anInitThatFailsMakesTheConfigFailedWithTheReason() throws Exception {
        createWithAlias("broken", "raise ValueError('no database at import')\n");
        lambda.putProvisionedConcurrency("broken", "live", 2);
        ProvisionedConcurrency failed = await("broken", "live", p -> p.status() == Status.FAILED);
        assertThat(failed.statusReason().orElseThrow()).contains("no database at import");
        assertThat(failed.allocated()).isZero();
    }

    @Test
    void deletingTheConfigStopsItsEnvironments() throws Exception {
        createWithAlias("gone", APP);
        lambda.putProvisionedConcurrency("gone", "live", 1);
        await("gone", "live", p -> p.status() == Status.READY);
        lambda.deleteProvisionedConcurrency("gone", "live");
        keeper.reconcile();
        assertThat(FunctionFixture.log(FunctionFixture.invoke(invoker, "gone", "live", "{}"))).contains("Init Duration");
    }

    @Test
    void reservedConcurrencyOfZeroThrottlesEveryInvocation() throws Exception {
        new FunctionFixture(tmp, lambda).create("off", "python3.12", "app.handler", 3, Map.of(), "app.py", APP);
        lambda.putReservedConcurrency("off", Optional.of(0));
        assertThatThrownBy(() -> FunctionFixture.invoke(invoker, "off", null, "{}")).isInstanceOf(ThrottledException.class)
                .hasMessageContaining("reserved concurrency of 0");
        lambda.putReservedConcurrency("off", Optional.empty());
        assertThat(FunctionFixture.json(FunctionFixture.invoke(invoker, "off", null, "{}"))).containsEntry("init", "on-demand");
    }

    @Test
    void reservedConcurrencyAboveTheDefaultCapAllowsThatManyAtOnceAndNoMore() throws Exception {
        new FunctionFixture(tmp, lambda).create("wide", "python3.12", "app.handler", 30, Map.of(), "app.py", APP);
        lambda.putReservedConcurrency("wide", Optional.of(LocalInvoker.CONCURRENCY + 5));
        // each sleeps long enough for all to overlap; one more than reserved is throttled
        List<Object> outcomes = parallel(LocalInvoker.CONCURRENCY + 6, () -> {
            try {
                return FunctionFixture.invoke(invoker, "wide", null, "{\"sleep\": 4}");
            } catch (ThrottledException e) {
                return e;
            }
        });
        assertThat(outcomes.stream().filter(o -> o instanceof InvokeResult)).hasSize(LocalInvoker.CONCURRENCY + 5);
        assertThat(outcomes.stream().filter(o -> o instanceof ThrottledException)).hasSize(1);
    }

    private void createWithAlias(String name, String app) throws Exception {
        new FunctionFixture(tmp, lambda).create(name, "python3.12", "app.handler", 3, Map.of(), "app.py", app);
        lambda.publishVersion(name, "one", Optional.empty(), Optional.empty());
        lambda.createAlias(name, new AliasSpec("live", "1", Optional.empty(), ""));
    }

    /** Polls the config as a user would, until it satisfies {@code done}; a minute at most. */
    private ProvisionedConcurrency await(String function, String qualifier, Predicate<ProvisionedConcurrency> done)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        ProvisionedConcurrency p = lambda.provisionedConcurrency(function, qualifier).orElseThrow();
        while (!done.test(p)) {
            assertThat(System.currentTimeMillis()).as("still %s", p).isLessThan(deadline);
            Thread.sleep(100);
            p = lambda.provisionedConcurrency(function, qualifier).orElseThrow();
        }
        return p;
    }

    private static <T> List<T> parallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
