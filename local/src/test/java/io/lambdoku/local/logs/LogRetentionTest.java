package io.lambdoku.local.logs;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.gc.StoreGc;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log group keeps its lines for its retention and up to its size cap; 30 days and 100 MB unless set. */
class LogRetentionTest {

    private static final long DAY = 24L * 3600 * 1000;
    private static final long MB = 1024 * 1024;

    @TempDir
    Path home;

    private LocalLambda lambda;
    private LogRetention retention;
    private final long now = System.currentTimeMillis();

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        retention = new LogRetention(lambda.database());
        lambda.createFunction(new NewFunction("f", new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/test", 128, 3, Map.of(), List.of()), "", zipOf("app.py", "x"), Map.of()));
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void theDefaultIsThirtyDaysAndAHundredMegabytes() {
        LogRetention.Policy p = retention.policy("f");
        assertThat(p.days()).contains(30);
        assertThat(p.maxBytes()).isEqualTo(100 * MB);
        assertThat(p.defaults()).isTrue();
    }

    @Test
    void gcDeletesLinesAndInvocationsOlderThanTheRetention() {
        record("f", now - 40 * DAY, "old", 10);
        record("f", now - 10 * DAY, "recent", 10);

        StoreGc.Report report = new StoreGc(lambda).collect();

        assertThat(report.logEvents()).isEqualTo(10);
        assertThat(report.invocations()).isEqualTo(1);
        assertThat(messages("f")).containsOnly("recent");
        assertThat(retention.policy("f").storedBytes()).isEqualTo(60);
    }

    @Test
    void aShorterRetentionAppliesAtOnceAndNeverKeepsEverything() {
        retention.set("f", Optional.of(0), Optional.empty(), now);
        record("f", now - 400 * DAY, "old", 3);
        record("f", now - 10 * DAY, "recent", 3);
        record("f", now, "new", 3);
        assertThat(new StoreGc(lambda).collect().logEvents()).as("never: nothing expires").isZero();
        assertThat(count("f")).isEqualTo(9);
        assertThat(retention.policy("f").days()).isEmpty();

        LogRetention.Trimmed trimmed = retention.set("f", Optional.of(7), Optional.empty(), now);
        assertThat(trimmed.logEvents()).isEqualTo(6);
        assertThat(trimmed.invocations()).isEqualTo(2);
        assertThat(messages("f")).containsExactly("new");
        assertThat(count("f")).isEqualTo(3);
    }

    @Test
    void onlyCloudWatchsRetentionPeriodsAreAccepted() {
        assertThatThrownBy(() -> retention.set("f", Optional.of(8), Optional.empty(), now))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("3653");
        assertThatThrownBy(() -> retention.set("f", Optional.empty(), Optional.of(0L), now))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void overItsSizeCapAGroupLosesItsOldestLinesDownToThreeQuartersOfIt() {
        retention.set("f", Optional.empty(), Optional.of(1L), now);
        String kb = "k".repeat(1024);
        for (int i = 0; i < 12; i++) {
            record("f", now - 1000 + i, kb + i, 100); // 12 invocations of 100 KB: the cap is passed at the 11th
        }
        long stored = bytes("f");
        assertThat(stored).isLessThanOrEqualTo(MB);
        assertThat(retention.policy("f").storedBytes()).as("the count matches what is stored").isEqualTo(stored);
        List<String> kept = messages("f");
        assertThat(kept.get(kept.size() - 1)).as("the newest line stays").isEqualTo(kb + 11);
        assertThat(kept).as("the oldest went").doesNotContain(kb + 0);
    }

    /** One invocation at {@code at} that printed {@code lines} copies of {@code message}, as the invoker records it. */
    private void record(String function, long at, String message, int lines) {
        lambda.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_events(function, stream, at, message) VALUES (?, 's', ?, ?)");
                 PreparedStatement inv = c.prepareStatement("INSERT INTO invocations(function, version, qualifier, request_id,"
                         + " started, duration_ms, init_ms, error, throttled) VALUES (?, '$LATEST', '$LATEST', 'r', ?, 1, 0, 0, 0)")) {
                for (int i = 0; i < lines; i++) {
                    ps.setString(1, function);
                    ps.setLong(2, at);
                    ps.setString(3, message);
                    ps.addBatch();
                }
                ps.executeBatch();
                inv.setString(1, function);
                inv.setLong(2, at);
                inv.executeUpdate();
            }
            // recorded when it happened: retention judged then, not now
            LogRetention.recorded(c, function, (long) message.length() * lines, at);
            return null;
        });
    }

    private List<String> messages(String function) {
        return lambda.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message FROM log_events WHERE function = ? GROUP BY message ORDER BY min(id)")) {
                ps.setString(1, function);
                List<String> out = new java.util.ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    private long count(String function) {
        return lambda.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM log_events WHERE function = ?")) {
                ps.setString(1, function);
                try (var rs = ps.executeQuery()) {
                    return rs.getLong(1);
                }
            }
        });
    }

    private long bytes(String function) {
        return lambda.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(length(message)), 0) FROM log_events WHERE function = ?")) {
                ps.setString(1, function);
                try (var rs = ps.executeQuery()) {
                    return rs.getLong(1);
                }
            }
        });
    }
}
