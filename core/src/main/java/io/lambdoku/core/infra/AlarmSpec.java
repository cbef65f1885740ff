package io.lambdoku.core.infra;

import java.util.List;
import java.util.Objects;

/**
 * A CloudWatch alarm on one of a function's metrics (Errors, Throttles, Duration): {@code statistic}
 * (Sum, Average, Maximum, Minimum, SampleCount) over {@code period} seconds compared with
 * {@code threshold} by {@code comparison} (CloudWatch's operator names) for {@code evaluationPeriods}
 * periods in a row; {@code actions} are ARNs notified on ALARM.
 */
public record AlarmSpec(String name, String metric, String statistic, double threshold, String comparison, int period,
                        int evaluationPeriods, List<String> actions) {

    public AlarmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        statistic = statistic == null ? "Sum" : statistic;
        comparison = comparison == null ? "GreaterThanOrEqualToThreshold" : comparison;
        actions = List.copyOf(actions);
    }

    /** The name of a function's alarm on a metric when the manifest gives it none. */
    public static String defaultName(String function, String metric) {
        return function + "-" + metric;
    }
}
