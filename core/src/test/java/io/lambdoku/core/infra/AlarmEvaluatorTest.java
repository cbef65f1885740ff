package io.lambdoku.core.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmEvaluatorTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:01:30Z");

    static AlarmSpec errors(double threshold, int periods) {
        return new AlarmSpec("shop-Errors", "Errors", "Sum", threshold, null, 60, periods, List.of());
    }

    static MetricSample at(String time, double value) {
        return new MetricSample(Instant.parse("2026-11-23T" + time + "Z"), value);
    }

    @Test
    void noDatapointIsInsufficientData() {
        assertThat(AlarmEvaluator.evaluate(errors(1, 1), List.of(), NOW))
                .isEqualTo(new AlarmVerdict(AlarmState.INSUFFICIENT_DATA, "Insufficient Data: 1 datapoint was unknown."));
        assertThat(AlarmEvaluator.evaluate(errors(1, 3), List.of(at("11:50:00", 1)), NOW).reason())
                .isEqualTo("Insufficient Data: 3 datapoints were unknown.");
    }

    @Test
    void theSumOfThePeriodNowFallsInCrossesTheThreshold() {
        List<MetricSample> samples = List.of(at("12:01:05", 1), at("12:01:10", 0), at("12:01:20", 1), at("12:01:25", 1),
                at("12:00:59", 1));
        assertThat(AlarmEvaluator.evaluate(errors(1, 1), samples, NOW)).isEqualTo(new AlarmVerdict(AlarmState.ALARM,
                "Threshold Crossed: 1 datapoint [3.0 (23/11/26 12:01:00)] was greater than or equal to the threshold (1.0)."));
        assertThat(AlarmEvaluator.evaluate(errors(5, 1), samples, NOW)).isEqualTo(new AlarmVerdict(AlarmState.OK,
                "Threshold Crossed: 1 datapoint [3.0 (23/11/26 12:01:00)] was not greater than or equal to the threshold (5.0)."));
    }

    @Test
    void everyPeriodOfTheRangeMustBreach() {
        AlarmSpec twoMinutes = errors(1, 2);
        assertThat(AlarmEvaluator.rangeStart(twoMinutes, NOW)).isEqualTo("2026-11-23T12:00:00Z");
        AlarmVerdict both = AlarmEvaluator.evaluate(twoMinutes, List.of(at("12:00:10", 2), at("12:01:10", 1)), NOW);
        assertThat(both).isEqualTo(new AlarmVerdict(AlarmState.ALARM, "Threshold Crossed: 2 out of the last 2 datapoints"
                + " [1.0 (23/11/26 12:01:00), 2.0 (23/11/26 12:00:00)] were greater than or equal to the threshold (1.0)"
                + " (minimum 2 datapoints for OK -> ALARM transition)."));
        AlarmVerdict one = AlarmEvaluator.evaluate(twoMinutes, List.of(at("12:00:10", 0), at("12:01:10", 1)), NOW);
        assertThat(one).isEqualTo(new AlarmVerdict(AlarmState.OK, "Threshold Crossed: 1 out of the last 2 datapoints"
                + " [0.0 (23/11/26 12:00:00)] was not greater than or equal to the threshold (1.0)"
                + " (minimum 1 datapoint for ALARM -> OK transition)."));
    }

    @Test
    void missingPeriodsAreLeftOutNotCountedAsGood() {
        assertThat(AlarmEvaluator.evaluate(errors(1, 3), List.of(at("12:01:10", 1)), NOW).state()).isEqualTo(AlarmState.ALARM);
    }

    @Test
    void statisticsAndComparisons() {
        List<MetricSample> durations = List.of(at("12:01:01", 100), at("12:01:02", 300), at("12:01:03", 200));
        assertThat(verdict("Average", 200, "GreaterThanThreshold", durations)).isEqualTo(AlarmState.OK);
        assertThat(verdict("Maximum", 250, "GreaterThanThreshold", durations)).isEqualTo(AlarmState.ALARM);
        assertThat(verdict("Minimum", 100, "LessThanOrEqualToThreshold", durations)).isEqualTo(AlarmState.ALARM);
        assertThat(verdict("SampleCount", 3, "LessThanThreshold", durations)).isEqualTo(AlarmState.OK);
        assertThat(verdict("Sum", 600, "GreaterThanOrEqualToThreshold", durations)).isEqualTo(AlarmState.ALARM);
    }

    private static String verdict(String statistic, double threshold, String comparison, List<MetricSample> samples) {
        AlarmSpec a = new AlarmSpec("d", "Duration", statistic, threshold, comparison, 60, 1, List.of());
        return AlarmEvaluator.evaluate(a, samples, NOW).state();
    }
}
