package io.lambdoku.aws;

import io.lambdoku.core.rollout.Reading;
import io.lambdoku.core.rollout.RolloutHealth;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * A rollout's gates on AWS: the new version's own traffic through the alias from CloudWatch, and the state of the
 * alarms named with {@code --alarm}. Lambda publishes Invocations, Errors, Throttles and Duration under the
 * dimension set FunctionName + Resource ({@code function:alias}) + ExecutedVersion, which splits an alias's metrics
 * by the version that ran, "to compare error rates for two versions of a function that are both targets of a
 * weighted alias" (AWS Lambda Developer Guide, "Working with Lambda function metrics", By Executed Version,
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics.html; the same three-dimension set is in
 * CloudWatch's metric metadata that aws-cdk-lib's generated LambdaMetrics are built from). Metrics there are per
 * minute, stamped with the time of the invocation, and may arrive minutes late: a reading of a short step can be
 * empty, which the gates judge inconclusive and hold.
 */
public final class AwsRolloutHealth implements RolloutHealth {

    static final int PERIOD_SECONDS = 60;
    private static final String INVOCATIONS = "invocations";
    private static final String ERRORS = "errors";
    private static final String THROTTLES = "throttles";
    private static final String P99 = "p99";

    private final AwsClients clients;
    private final AwsErrors errors;

    public AwsRolloutHealth(AwsClients clients) {
        this.clients = clients;
        this.errors = new AwsErrors(clients.options().endpointFor(AwsOptions.Service.CLOUDWATCH).map(Object::toString)
                .orElse("AWS CloudWatch"));
    }

    /**
     * One GetMetricData call for the four metrics. The window is widened to whole minutes, and the reading says so:
     * Lambda's metrics are per minute, so a datapoint covers its whole minute and no finer window exists
     * (CloudWatch would round a ragged start down itself); the widening counts at most a minute of traffic on
     * either side, before the step or after the read. Sums add up the minutes; the p99 is the worst minute's, as
     * percentiles of separate minutes cannot be merged and a gate should see the worst.
     */
    @Override
    public Reading read(String function, String alias, String version, Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        Instant end = to.truncatedTo(ChronoUnit.MINUTES).equals(to) ? to : to.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant until = end.isAfter(start) ? end : start.plus(Duration.ofMinutes(1));
        List<Dimension> dimensions = List.of(dimension("FunctionName", function), dimension("Resource", function + ":" + alias),
                dimension("ExecutedVersion", version));
        GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(start).endTime(until)
                .metricDataQueries(query(INVOCATIONS, "Invocations", "Sum", dimensions), query(ERRORS, "Errors", "Sum", dimensions),
                        query(THROTTLES, "Throttles", "Sum", dimensions), query(P99, "Duration", "p99", dimensions))
                .build();
        Map<String, double[]> sums = new HashMap<>();
        Optional<Double> p99 = errors.call(AwsErrors.Subject.version(function, version), () -> {
            Optional<Double> worst = Optional.empty();
            for (MetricDataResult result : clients.cloudwatch().getMetricDataPaginator(request).metricDataResults()) {
                for (Double value : result.values()) {
                    sums.computeIfAbsent(result.id(), id -> new double[1])[0] += value;
                    if (result.id().equals(P99) && (worst.isEmpty() || value > worst.get())) {
                        worst = Optional.of(value);
                    }
                }
            }
            return worst;
        });
        return new Reading(version, start, until, count(sums, INVOCATIONS), count(sums, ERRORS), count(sums, THROTTLES), p99);
    }

    /** Metric and composite alarms alike: a gate may name either. */
    @Override
    public Optional<String> alarmState(String alarm) {
        DescribeAlarmsResponse found = errors.call(AwsErrors.Subject.function(alarm), () -> clients.cloudwatch()
                .describeAlarms(b -> b.alarmNames(alarm).alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)));
        return found.metricAlarms().stream().map(a -> a.stateValueAsString()).findFirst()
                .or(() -> found.compositeAlarms().stream().map(a -> a.stateValueAsString()).findFirst());
    }

    private static MetricDataQuery query(String id, String metric, String stat, List<Dimension> dimensions) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.period(PERIOD_SECONDS).stat(stat)
                .metric(m -> m.namespace(AlarmShapes.NAMESPACE).metricName(metric).dimensions(dimensions))).build();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static int count(Map<String, double[]> sums, String id) {
        return (int) Math.round(sums.getOrDefault(id, new double[1])[0]);
    }
}
