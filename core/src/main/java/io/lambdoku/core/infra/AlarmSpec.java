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
        return prefix(function) + metric;
    }

    /**
     * How every alarm of a function is named, {@code FUNCTION-}: CloudWatch alarm names are unique in the whole
     * account, and CloudWatch lists alarms by name prefix, not by the function they watch.
     */
    public static String prefix(String function) {
        return function + "-";
    }

    /** The same alarm for the function renamed from {@code from} to {@code to}: its name follows the function's. */
    public AlarmSpec forFunction(String from, String to) {
        String renamed = name.startsWith(prefix(from)) ? prefix(to) + name.substring(prefix(from).length()) : name;
        return new AlarmSpec(renamed, metric, statistic, threshold, comparison, period, evaluationPeriods, actions);
    }
}
