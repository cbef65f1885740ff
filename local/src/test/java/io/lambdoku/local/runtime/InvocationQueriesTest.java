package io.lambdoku.local.runtime;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.invoke.LogEvent;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'logs -n 5' reads five rows through the index, however long the history (bench/store.sh measures it). */
class InvocationQueriesTest {

    @TempDir
    Path home;

    @Test
    void theNewestLinesComeFromTheIndexWithoutSortingTheHistory() {
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO))) {
            for (boolean filtered : new boolean[] {false, true}) {
                String plan = plan(lambda, InvocationQueries.newestLogsSql(filtered));
                assertThat(plan).contains("USING INDEX log_events_by_time").doesNotContain("TEMP B-TREE");
            }
        }
    }

    @Test
    void theyAreTheNewestOldestFirstAcrossInvocationsThatOverlapped() {
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO))) {
            lambda.createFunction(new NewFunction("f", new FunctionSettings("python3.12", "app.handler",
                    "arn:aws:iam::000000000000:role/x", 128, 3, Map.of(), List.of()), "", zipOf("app.py", "x"), Map.of()));
            lambda.database().write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_events(function, stream, at, message) VALUES ('f', 's', ?, ?)")) {
                    for (int i = 0; i < 20_000; i++) {
                        ps.setLong(1, 1_000 + i / 10);
                        ps.setString(2, "line " + i);
                        ps.addBatch();
                    }
                    ps.setLong(1, 500); // an invocation that started earlier and finished last
                    ps.setString(2, "late writer");
                    ps.addBatch();
                    ps.executeBatch();
                }
                return null;
            });
            List<LogEvent> newest = new InvocationQueries(lambda).logs("f", 0, Optional.empty(), 3);
            assertThat(newest).extracting(LogEvent::message).containsExactly("line 19997", "line 19998", "line 19999");
            assertThat(new InvocationQueries(lambda).logs("f", 0, Optional.of("late"), 3)).extracting(LogEvent::message)
                    .containsExactly("late writer");
        }
    }

    private static String plan(LocalLambda lambda, String sql) {
        return lambda.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                ps.setString(1, "f");
                ps.setLong(2, 0);
                int next = 3;
                if (sql.contains("instr")) {
                    ps.setString(next++, "x");
                }
                ps.setInt(next, 5);
                List<String> lines = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(4));
                    }
                }
                return String.join("\n", lines);
            }
        });
    }
}
