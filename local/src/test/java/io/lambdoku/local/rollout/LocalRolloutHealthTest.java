package io.lambdoku.local.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.invoke.InvokeResult;
import io.lambdoku.core.invoke.MinuteMetrics;
import io.lambdoku.core.invoke.ThrottledException;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.core.rollout.Reading;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.infra.LocalInfra;
import io.lambdoku.local.runtime.FunctionFixture;
import io.lambdoku.local.runtime.InvocationQueries;
import io.lambdoku.local.runtime.LocalInvoker;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollout's gate readings: one version's own traffic through the alias, from the store's invocation records. */
class LocalRolloutHealthTest {

    private static final String FAILS_ON_DEMAND = """
            import os
            def handler(event, context):
                if event.get("fail"):
                    raise Exception("failing on purpose")
                return os.environ["AWS_LAMBDA_FUNCTION_VERSION"]
            """;

    @TempDir
    Path tmp;

    private LocalLambda lambda;
    private LocalInvoker invoker;
    private LocalRolloutHealth health;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "eu-west-1", Duration.ZERO));
        invoker = new LocalInvoker(lambda);
        health = new LocalRolloutHealth(lambda);
    }

    @AfterEach
    void close() {
        invoker.close();
        lambda.close();
    }

    @Test
    void theReadingOfV2CountsExactlyV2sTrafficThroughTheAliasInTheWindow() throws Exception {
        twoVersionsBehindLive(0.5);
        Tally before = new Tally();
        invokeLive(20, before);
        Instant from = nextMillisecond();
        Tally inside = new Tally();
        invokeLive(60, inside);
        FunctionFixture.invoke(invoker, "shop", "2", "{\"fail\": true}"); // v2, but not through the alias
        int throttled = throttledInvokesOfLive(12);
        Instant to = nextMillisecond();
        Tally after = new Tally();
        invokeLive(20, after);
        invoker.flush();

        for (String v : List.of("1", "2")) {
            Reading r = health.read("shop", "live", v, from, to);
            assertThat(r.version()).isEqualTo(v);
            assertThat(r.from()).isEqualTo(from);
            assertThat(r.to()).isEqualTo(to);
            assertThat(r.invocations()).as("invocations of v" + v).isEqualTo(inside.ran(v));
            assertThat(r.errors()).as("errors of v" + v).isEqualTo(inside.failed(v));
            assertThat(r.p99Ms()).hasValueSatisfying(p99 -> assertThat(p99).isPositive());
        }
        assertThat(inside.failed("2")).isPositive();
        assertThat(health.read("shop", "live", "1", from, to).throttles() + health.read("shop", "live", "2", from, to).throttles())
                .isEqualTo(throttled);
        assertThat(health.read("shop", "live", "2", Instant.EPOCH, from).invocations()).isEqualTo(before.ran("2"));
        assertThat(health.read("shop", "live", "2", to, to.plusSeconds(3600)).errors()).isEqualTo(after.failed("2"));
        assertThat(health.read("shop", "live", "3", from, to)).isEqualTo(Reading.none("3", from, to));
        assertThat(health.read("shop", "test", "2", from, to).invocations()).isZero();
    }

    @Test
    void theWindowIncludesItsFirstMillisecondAndExcludesItsLast() {
        Instant from = Instant.parse("2026-03-01T10:00:00.000Z");
        Instant to = from.plusSeconds(5);
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(from.minusMillis(1), "2", 10, false, false));
        rows.add(row(from, "2", 20, true, false));
        rows.add(row(to.minusMillis(1), "2", 30, false, false));
        rows.add(row(to.minusMillis(1), "2", 0, false, true));
        rows.add(row(to, "2", 40, true, false));
        insert(rows);

        Reading r = health.read("shop", "live", "2", from, to);
        assertThat(r.invocations()).isEqualTo(2);
        assertThat(r.errors()).isEqualTo(1);
        assertThat(r.throttles()).isEqualTo(1);
        assertThat(r.p99Ms()).contains(30.0);
        assertThat(health.read("shop", "live", "2", to, to.plusMillis(1)).errors()).isEqualTo(1);
        assertThat(health.read("shop", "live", "2", from, from).invocations()).isZero();
    }

    @Test
    void theP99IsTheOneMetricsShows() {
        Instant minute = Instant.parse("2026-03-01T10:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            rows.add(row(minute.plusMillis(i * 17L), "2", (i * 37) % 251, i % 50 == 0, false));
        }
        insert(rows);
        lambdaWithShop();

        Reading r = health.read("shop", "live", "2", minute, minute.plusSeconds(60));
        MinuteMetrics m = new InvocationQueries(lambda).metrics("shop", minute.toEpochMilli(), Optional.of("live")).get(0);
        assertThat(r.invocations()).isEqualTo(m.invocations()).isEqualTo(250);
        assertThat(r.errors()).isEqualTo(m.errors()).isEqualTo(5);
        assertThat(r.p99Ms()).contains(m.p99Ms());
    }

    @Test
    void theQueryReadsTheWindowThroughAnIndex() {
        String plan = lambda.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + LocalRolloutHealth.WINDOW_SQL)) {
                ps.setString(1, "shop");
                ps.setLong(2, 0);
                ps.setLong(3, 1);
                ps.setString(4, "live");
                ps.setString(5, "2");
                StringBuilder out = new StringBuilder();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(4)).append('\n');
                    }
                }
                return out.toString();
            }
        });
        assertThat(plan).contains("USING INDEX").contains("started>? AND started<?").doesNotContain("SCAN");
    }

    @Test
    void alarmStateIsTheLocalAlarmsStateAndEmptyForAMissingOne() throws Exception {
        lambdaWithShop();
        LocalInfra infra = new LocalInfra(lambda);
        infra.putAlarm("shop", new AlarmSpec("shop-Errors", "Errors", "Sum", 1, null, 60, 1, List.of()));
        assertThat(health.alarmState("shop-Errors")).contains(AlarmState.INSUFFICIENT_DATA);

        assertThat(infra.transition("shop-Errors", AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM, "Threshold Crossed",
                Instant.now())).isTrue();
        assertThat(health.alarmState("shop-Errors")).contains(AlarmState.ALARM);
        assertThat(health.alarmState("shop-Throttles")).isEmpty();
    }

    // --- fixtures -------------------------------------------------------------------------------------

    private void lambdaWithShop() {
        try {
            new FunctionFixture(tmp, lambda).create("shop", "python3.12", "app.handler", 3, Map.of(), "app.py", FAILS_ON_DEMAND);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** v1 and v2 (the same code, more memory) behind alias live, {@code weight} of its traffic on v2. */
    private void twoVersionsBehindLive(double weight) {
        lambdaWithShop();
        lambda.publishVersion("shop", "v1", Optional.empty(), Optional.empty());
        FunctionConfig latest = lambda.getFunction("shop", FunctionConfig.LATEST);
        lambda.updateFunctionConfiguration("shop", latest.settings().withMemorySize(256), Optional.of(latest.revisionId()));
        lambda.publishVersion("shop", "v2", Optional.empty(), Optional.empty());
        lambda.createAlias("shop", new AliasSpec("live", "1", Optional.of(new WeightedVersion("2", weight)), ""));
    }

    /** {@code n} invocations of live, every third one failing on purpose, tallied by the version that ran. */
    private void invokeLive(int n, Tally tally) {
        for (int i = 0; i < n; i++) {
            boolean fail = i % 3 == 0;
            InvokeResult r = FunctionFixture.invoke(invoker, "shop", "live", fail ? "{\"fail\": true}" : "{}");
            assertThat(r.functionError().isPresent()).isEqualTo(fail);
            tally.add(r.executedVersion(), fail);
        }
    }

    /** Reserved concurrency 0 throttles every invocation, as on Lambda. */
    private int throttledInvokesOfLive(int n) {
        lambda.putReservedConcurrency("shop", Optional.of(0));
        for (int i = 0; i < n; i++) {
            assertThatThrownBy(() -> FunctionFixture.invoke(invoker, "shop", "live", "{}")).isInstanceOf(ThrottledException.class);
        }
        lambda.putReservedConcurrency("shop", Optional.empty());
        return n;
    }

    /**
     * A window bound strictly after every invocation made so far and at or before every one made next: each
     * invocation starts before it ends, and this waits for the clock to pass the millisecond it read.
     */
    private static Instant nextMillisecond() throws InterruptedException {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() <= now) {
            Thread.sleep(1);
        }
        return Instant.ofEpochMilli(now + 1);
    }

    private static Object[] row(Instant started, String version, double durationMs, boolean error, boolean throttled) {
        return new Object[] {started.toEpochMilli(), version, durationMs, error ? 1 : 0, throttled ? 1 : 0};
    }

    private void insert(List<Object[]> rows) {
        lambda.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO invocations(function, version, qualifier, request_id,"
                    + " started, duration_ms, init_ms, error, throttled) VALUES ('shop', ?, 'live', 'r', ?, ?, 0, ?, ?)")) {
                for (Object[] r : rows) {
                    ps.setString(1, (String) r[1]);
                    ps.setLong(2, (Long) r[0]);
                    ps.setDouble(3, (Double) r[2]);
                    ps.setInt(4, (Integer) r[3]);
                    ps.setInt(5, (Integer) r[4]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** What the test saw each version do. */
    private static final class Tally {
        private final Map<String, int[]> counts = new HashMap<>();

        void add(String version, boolean failed) {
            int[] c = counts.computeIfAbsent(version, v -> new int[2]);
            c[0]++;
            c[1] += failed ? 1 : 0;
        }

        int ran(String version) {
            return counts.getOrDefault(version, new int[2])[0];
        }

        int failed(String version) {
            return counts.getOrDefault(version, new int[2])[1];
        }
    }
}
