package io.lambdoku.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.AlarmTransition;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/** Translates core's alarm records to CloudWatch's shapes and back, so that what is read equals what was put. */
final class AlarmShapes {

    static final String NAMESPACE = "AWS/Lambda";
    static final String DIMENSION = "FunctionName";

    /** Percentiles (p99, p99.9) are CloudWatch "extended" statistics, sent in a field of their own. */
    private static final Pattern PERCENTILE = Pattern.compile("p(100|\\d{1,2}(\\.\\d+)?)");
    /** The summary CloudWatch writes beside HistoryData: "Alarm updated from OK to ALARM". */
    private static final Pattern SUMMARY = Pattern.compile("Alarm updated from (\\w+) to (\\w+)");

    private AlarmShapes() {
    }

    static PutMetricAlarmRequest put(String function, AlarmSpec a) {
        PutMetricAlarmRequest.Builder b = PutMetricAlarmRequest.builder()
                .alarmName(a.name())
                .alarmDescription(a.metric() + " of Lambda function " + function + ", managed by lambdoku")
                .namespace(NAMESPACE).metricName(a.metric())
                .dimensions(Dimension.builder().name(DIMENSION).value(function).build())
                .threshold(a.threshold()).comparisonOperator(a.comparison())
                .period(a.period()).evaluationPeriods(a.evaluationPeriods())
                .actionsEnabled(true).alarmActions(a.actions());
        return (PERCENTILE.matcher(a.statistic()).matches() ? b.extendedStatistic(a.statistic()) : b.statistic(a.statistic()))
                .build();
    }

    /** Whether the alarm is one of this function's: on AWS/Lambda with exactly the dimension FunctionName=function. */
    static boolean watches(MetricAlarm a, String function) {
        return NAMESPACE.equals(a.namespace()) && a.dimensions().size() == 1
                && DIMENSION.equals(a.dimensions().get(0).name()) && function.equals(a.dimensions().get(0).value());
    }

    static AlarmState state(MetricAlarm a) {
        String statistic = a.statisticAsString() != null ? a.statisticAsString() : a.extendedStatistic();
        AlarmSpec spec = new AlarmSpec(a.alarmName(), a.metricName(), statistic, a.threshold() == null ? 0 : a.threshold(),
                a.comparisonOperatorAsString(), a.period() == null ? 0 : a.period(),
                a.evaluationPeriods() == null ? 0 : a.evaluationPeriods(), a.alarmActions());
        // "since when": the last change of state; StateUpdatedTimestamp also moves when only the reason changes
        Instant since = a.stateTransitionedTimestamp() != null ? a.stateTransitionedTimestamp() : a.stateUpdatedTimestamp();
        return new AlarmState(spec, a.stateValueAsString(), a.stateReason() == null ? "" : a.stateReason(), since);
    }

    /**
     * A StateUpdate item's HistoryData is a JSON document: {"oldState": {"stateValue": "OK", …},
     * "newState": {"stateValue": "ALARM", "stateReason": "Threshold Crossed: …"}}. When it cannot be read,
     * the summary still says from and to.
     */
    static Optional<AlarmTransition> transition(AlarmHistoryItem item) {
        Optional<Map<String, Object>> data = json(item.historyData());
        Optional<String> from = data.flatMap(d -> field(d, "oldState", "stateValue"));
        Optional<String> to = data.flatMap(d -> field(d, "newState", "stateValue"));
        String reason = data.flatMap(d -> field(d, "newState", "stateReason")).orElse("");
        if (from.isEmpty() || to.isEmpty()) {
            Matcher m = SUMMARY.matcher(item.historySummary() == null ? "" : item.historySummary());
            if (!m.find()) {
                return Optional.empty();
            }
            from = Optional.of(m.group(1));
            to = Optional.of(m.group(2));
        }
        return Optional.of(new AlarmTransition(item.alarmName(), from.get(), to.get(), reason, item.timestamp()));
    }

    private static Optional<Map<String, Object>> json(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.std.mapFrom(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> field(Map<String, Object> data, String state, String key) {
        return data.get(state) instanceof Map<?, ?> m && m.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
