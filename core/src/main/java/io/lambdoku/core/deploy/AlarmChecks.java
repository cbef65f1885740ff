package io.lambdoku.core.deploy;

import io.lambdoku.core.infra.AlarmSpec;
import java.util.List;

/**
 * An alarm of lambdoku.json, checked as CloudWatch's PutMetricAlarm checks it: the metrics lambdoku
 * watches, CloudWatch's statistic and operator names, a period of 10, 30 or a multiple of 60 seconds, and
 * at most a day of evaluation (a week for periods of an hour or more).
 */
final class AlarmChecks {

    static final List<String> METRICS = List.of("Errors", "Throttles", "Duration");
    static final List<String> STATISTICS = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    static final List<String> COMPARISONS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");

    private AlarmChecks() {
    }

    static AlarmSpec spec(JsonFields a, String path, String function) {
        String metric = a.string("metric").orElseThrow(() -> a.error("metric", path + " needs a \"metric\": "
                + String.join(", ", METRICS)));
        oneOf(a, path, "metric", metric, METRICS);
        // a count is summed; a duration is averaged, unless said otherwise
        String statistic = a.string("statistic").orElse(metric.equals("Duration") ? "Average" : "Sum");
        oneOf(a, path, "statistic", statistic, STATISTICS);
        String comparison = a.string("comparison").orElse("GreaterThanOrEqualToThreshold");
        oneOf(a, path, "comparison", comparison, COMPARISONS);
        double threshold = a.number("threshold").orElseThrow(() -> a.error("threshold", path
                + " needs a \"threshold\", e.g. 1 (errors) or 1000 (milliseconds of Duration)"));
        long period = a.whole("period").orElse(60L);
        if (period != 10 && period != 30 && (period < 60 || period % 60 != 0)) {
            throw a.error("period", path + ".period " + period + " is not one CloudWatch takes: 10, 30 or a multiple of 60 seconds");
        }
        long evaluations = a.whole("evaluationPeriods").orElse(1L);
        long most = period >= 3600 ? 7 * 86400 : 86400;
        if (evaluations < 1 || evaluations * period > most) {
            throw a.error("evaluationPeriods", path + ".evaluationPeriods " + evaluations + " is out of range: at least 1,"
                    + " and evaluationPeriods x period at most " + most + " seconds (" + (most / 86400) + " day"
                    + (most > 86400 ? "s" : "") + ")");
        }
        List<String> actions = a.strings("actions");
        for (int i = 0; i < actions.size(); i++) {
            if (!actions.get(i).startsWith("arn:")) {
                throw a.json().error(path + ".actions[" + i + "]", path + ".actions[" + i + "] '" + actions.get(i)
                        + "' is not an ARN (an SNS topic, like arn:aws:sns:us-east-1:123456789012:alerts)");
            }
        }
        String name = a.string("name").orElse(AlarmSpec.defaultName(function, metric));
        if (name.isBlank() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw a.error("name", path + ".name must be 1 to 255 characters without control characters");
        }
        return new AlarmSpec(name, metric, statistic, threshold, comparison, (int) period, (int) evaluations, actions);
    }

    private static void oneOf(JsonFields a, String path, String key, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw a.error(key, path + "." + key + " '" + value + "' is not one of " + String.join(", ", allowed));
        }
    }
}
