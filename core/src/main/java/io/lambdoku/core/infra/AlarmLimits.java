package io.lambdoku.core.infra;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.List;

/** What PutMetricAlarm accepts for an alarm on a function's AWS/Lambda metric, checked before any backend is asked. */
public final class AlarmLimits {

    public static final List<String> METRICS = List.of("Errors", "Throttles", "Duration", "Invocations");
    public static final List<String> STATISTICS = List.of("Sum", "Average", "Maximum", "Minimum", "SampleCount");
    public static final List<String> COMPARISONS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");

    private AlarmLimits() {
    }

    public static void check(AlarmSpec a) {
        require(a.name().matches("[^\\p{Cntrl}]{1,255}"), "Alarm name '" + a.name() + "' must be 1 to 255 printable characters.");
        require(METRICS.contains(a.metric()), "Alarm " + a.name() + " watches metric '" + a.metric() + "'; lambdoku alarms"
                + " watch one of " + String.join(", ", METRICS) + ".");
        require(STATISTICS.contains(a.statistic()), "Alarm " + a.name() + " has statistic '" + a.statistic()
                + "'; use one of " + String.join(", ", STATISTICS) + ".");
        require(COMPARISONS.contains(a.comparison()), "Alarm " + a.name() + " has comparison '" + a.comparison()
                + "'; use one of " + String.join(", ", COMPARISONS) + ".");
        require(a.period() == 10 || a.period() == 20 || a.period() == 30 || a.period() > 0 && a.period() % 60 == 0,
                "Alarm " + a.name() + " has period " + a.period() + "; CloudWatch takes 10, 20, 30 or a multiple of 60 seconds.");
        require(a.evaluationPeriods() >= 1, "Alarm " + a.name() + " needs at least 1 evaluation period, not "
                + a.evaluationPeriods() + ".");
        // PutMetricAlarm: at most 7 days of evaluation, and at most 1 day for periods under an hour
        long range = (long) a.period() * a.evaluationPeriods();
        long limit = a.period() < 3600 ? 86_400 : 604_800;
        require(range <= limit, "Alarm " + a.name() + " evaluates " + range + " seconds (period × evaluation periods);"
                + " CloudWatch allows at most " + limit + " for a period " + (a.period() < 3600 ? "under an hour." : "of an hour or more."));
        require(Double.isFinite(a.threshold()), "Alarm " + a.name() + " needs a finite threshold.");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidParameterException(message);
        }
    }
}
