package io.lambdoku.core.deploy;

import io.lambdoku.core.infra.AlarmLimits;
import io.lambdoku.core.infra.AlarmSpec;
import java.util.List;

/**
 * An alarm of lambdoku.json, checked as CloudWatch's PutMetricAlarm checks it ({@link AlarmLimits}), each
 * error naming the key at fault: the metrics lambdoku watches, CloudWatch's statistic and operator names,
 * its periods and how long an alarm may evaluate.
 */
final class AlarmChecks {

    static final List<String> METRICS = AlarmLimits.METRICS;
    static final List<String> STATISTICS = AlarmLimits.STATISTICS;
    static final List<String> COMPARISONS = AlarmLimits.COMPARISONS;

    /** CloudWatch: AlarmName is 1 to 255 characters. */
    private static final int MAX_NAME = 255;

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
        long evaluations = a.whole("evaluationPeriods").orElse(1L);
        List<String> actions = a.strings("actions");
        for (int i = 0; i < actions.size(); i++) {
            if (!actions.get(i).startsWith("arn:")) {
                throw a.json().error(path + ".actions[" + i + "]", path + ".actions[" + i + "] '" + actions.get(i)
                        + "' is not an ARN (an SNS topic, like arn:aws:sns:us-east-1:123456789012:alerts)");
            }
        }
        String name = a.string("name").orElse(AlarmSpec.defaultName(function, metric));
        if (!name.startsWith(AlarmSpec.prefix(function)) || name.length() == AlarmSpec.prefix(function).length()
                || name.length() > MAX_NAME) {
            // CloudWatch alarm names are the account's and lists filter by name prefix only (not by dimension)
            throw a.error("name", path + ".name '" + name + "' must start with '" + AlarmSpec.prefix(function) + "', like "
                    + AlarmSpec.defaultName(function, metric) + " (at most " + MAX_NAME + " characters): alarm names are"
                    + " shared by the whole account, and a function's alarms are found by that prefix");
        }
        AlarmSpec spec = new AlarmSpec(name, metric, statistic, threshold, comparison, (int) Math.min(period, Integer.MAX_VALUE),
                (int) Math.min(evaluations, Integer.MAX_VALUE), actions);
        // periods and their product, as PutMetricAlarm takes them
        a.check(a.has("evaluationPeriods") && period > 0 && period % 60 == 0 ? "evaluationPeriods" : "period",
                () -> AlarmLimits.check(spec));
        return spec;
    }

    private static void oneOf(JsonFields a, String path, String key, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw a.error(key, path + "." + key + " '" + value + "' is not one of " + String.join(", ", allowed));
        }
    }
}
