package io.lambdoku.core.infra;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * CloudWatch's rule for a metric alarm, written once for every backend that evaluates alarms itself.
 * The evaluation range is the {@code evaluationPeriods} most recent periods, aligned to the epoch as
 * CloudWatch aligns them, the newest being the one {@code now} falls in (so a local alarm reacts within a
 * tick rather than a period later). Each period with samples gives one datapoint, its statistic. Missing
 * data is treated as CloudWatch's default "missing": no datapoint at all is INSUFFICIENT_DATA; otherwise
 * only the datapoints present count, and the alarm is ALARM when all of them breach and there are as many
 * as the datapoints to alarm (= evaluationPeriods) or fewer, else OK.
 */
public final class AlarmEvaluator {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AlarmEvaluator() {
    }

    /** Where the evaluation range of {@code alarm} at {@code now} begins: samples from here on are needed. */
    public static Instant rangeStart(AlarmSpec alarm, Instant now) {
        return periodStart(alarm, now).minusSeconds((long) alarm.period() * (alarm.evaluationPeriods() - 1));
    }

    public static AlarmVerdict evaluate(AlarmSpec alarm, List<MetricSample> samples, Instant now) {
        List<Datapoint> points = datapoints(alarm, samples, now);
        int n = alarm.evaluationPeriods();
        if (points.isEmpty()) {
            return new AlarmVerdict(AlarmState.INSUFFICIENT_DATA, "Insufficient Data: " + n + " datapoint"
                    + (n == 1 ? " was" : "s were") + " unknown.");
        }
        boolean alarmed = points.stream().allMatch(p -> breaches(alarm, p.value()));
        return new AlarmVerdict(alarmed ? AlarmState.ALARM : AlarmState.OK, reason(alarm, points, alarmed));
    }

    /** "Threshold Crossed: 1 datapoint [3.0 (23/11/26 12:01:00)] was greater than or equal to the threshold (1.0)." */
    private static String reason(AlarmSpec alarm, List<Datapoint> points, boolean alarmed) {
        List<Datapoint> shown = alarmed ? points : points.stream().filter(p -> !breaches(alarm, p.value())).toList();
        String list = shown.stream().map(p -> number(p.value()) + " (" + STAMP.format(p.start()) + ")")
                .collect(Collectors.joining(", ", "[", "]"));
        String count = shown.size() == 1 && points.size() == 1 ? "1 datapoint"
                : shown.size() + " out of the last " + points.size() + " datapoints";
        String verb = shown.size() == 1 ? " was " : " were ";
        String relation = (alarmed ? "" : "not ") + words(alarm.comparison());
        String minimum = alarm.evaluationPeriods() == 1 ? "" : alarmed
                ? " (minimum " + alarm.evaluationPeriods() + " datapoints for OK -> ALARM transition)"
                : " (minimum 1 datapoint for ALARM -> OK transition)";
        return "Threshold Crossed: " + count + " " + list + verb + relation + " the threshold (" + number(alarm.threshold()) + ")"
                + minimum + ".";
    }

    private record Datapoint(Instant start, double value) {
    }

    /** Newest first, as CloudWatch lists them in a reason. */
    private static List<Datapoint> datapoints(AlarmSpec alarm, List<MetricSample> samples, Instant now) {
        List<Datapoint> points = new ArrayList<>();
        Instant start = periodStart(alarm, now);
        for (int i = 0; i < alarm.evaluationPeriods(); i++) {
            Instant from = start.minusSeconds((long) alarm.period() * i);
            Instant to = from.plusSeconds(alarm.period());
            DoubleSummaryStatistics stats = samples.stream()
                    .filter(s -> !s.at().isBefore(from) && s.at().isBefore(to) && !s.at().isAfter(now))
                    .mapToDouble(MetricSample::value).summaryStatistics();
            if (stats.getCount() > 0) {
                points.add(new Datapoint(from, statistic(alarm.statistic(), stats)));
            }
        }
        return points;
    }

    private static Instant periodStart(AlarmSpec alarm, Instant now) {
        long seconds = now.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, alarm.period()));
    }

    private static double statistic(String name, DoubleSummaryStatistics s) {
        return switch (name) {
            case "Sum" -> s.getSum();
            case "Average" -> s.getAverage();
            case "Maximum" -> s.getMax();
            case "Minimum" -> s.getMin();
            case "SampleCount" -> s.getCount();
            default -> throw new IllegalArgumentException("statistic " + name); // AlarmLimits refuses it before
        };
    }

    static boolean breaches(AlarmSpec alarm, double value) {
        double t = alarm.threshold();
        return switch (alarm.comparison()) {
            case "GreaterThanOrEqualToThreshold" -> value >= t;
            case "GreaterThanThreshold" -> value > t;
            case "LessThanThreshold" -> value < t;
            case "LessThanOrEqualToThreshold" -> value <= t;
            default -> throw new IllegalArgumentException("comparison " + alarm.comparison());
        };
    }

    private static String words(String comparison) {
        return switch (comparison) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            default -> "less than or equal to";
        };
    }

    /** As CloudWatch prints values: 3.0, 1.5, 1234.567. */
    private static String number(double v) {
        return Double.toString(v);
    }
}
