package io.lambdoku.local.rollout;

import io.lambdoku.core.rollout.Reading;
import io.lambdoku.core.rollout.RolloutHealth;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.runtime.Percentiles;
import io.lambdoku.local.store.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gate readings from the store's invocation records: exact to the millisecond and as soon as the invoking
 * process has written them, unlike CloudWatch's per-minute metrics. An invocation is recorded when it ends,
 * with the time it started, so a reading whose window ends now lacks the invocations still running.
 */
public final class LocalRolloutHealth implements RolloutHealth {

    /**
     * The rows of one version's traffic through one alias in [from, to). A throttled invoke of an alias records
     * the version its weights had picked (LocalInvoker resolves before it takes an environment), so throttles
     * are per version here too. The range on invocations_by_time (function, started) keeps it from reading more
     * than the window's rows of the function (InvocationQueriesTest-style plan check in LocalRolloutHealthTest).
     */
    static final String WINDOW_SQL = "SELECT duration_ms, error, throttled FROM invocations"
            + " WHERE function = ? AND started >= ? AND started < ? AND qualifier = ? AND version = ?";

    private final LocalLambda lambda;

    public LocalRolloutHealth(LocalLambda lambda) {
        this.lambda = lambda;
    }

    @Override
    public Reading read(String function, String alias, String version, Instant from, Instant to) {
        List<double[]> rows = lambda.database().read(c -> Sql.query(c, rs -> new double[] {rs.getDouble(1), rs.getInt(2), rs.getInt(3)},
                WINDOW_SQL, function, from.toEpochMilli(), to.toEpochMilli(), alias, version));
        List<Double> durations = new ArrayList<>();
        int errors = 0;
        int throttles = 0;
        for (double[] row : rows) {
            if (row[2] == 1) {
                throttles++;
            } else {
                durations.add(row[0]);
                errors += (int) row[1];
            }
        }
        durations.sort(null);
        Optional<Double> p99 = durations.isEmpty() ? Optional.empty() : Optional.of(Percentiles.nearestRank(durations, 0.99));
        return new Reading(version, from, to, durations.size(), errors, throttles, p99);
    }

    /** The alarms table is LocalInfra's; {@code local serve}'s AlarmWatch keeps its state column current. */
    @Override
    public Optional<String> alarmState(String alarm) {
        return lambda.database().read(c -> Sql.query(c, rs -> rs.getString(1), "SELECT state FROM alarms WHERE name = ?", alarm))
                .stream().findFirst();
    }
}
