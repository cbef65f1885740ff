package io.lambdoku.aws;

import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.invoke.LogEvent;
import io.lambdoku.core.invoke.MinuteMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Logs from CloudWatch Logs group /aws/lambda/NAME; metrics from CloudWatch namespace AWS/Lambda, per minute. */
final class AwsTelemetry implements FunctionTelemetry {

    private final AwsClients clients;
    private final AwsErrors errors;

    AwsTelemetry(AwsClients clients, AwsErrors errors) {
        this.clients = clients;
        this.errors = errors;
    }

    @Override
    public List<LogEvent> logs(String function, long sinceMs, Optional<String> filter, int limit) {
        List<LogEvent> all = new ArrayList<>();
        String group = "/aws/lambda/" + function;
        try {
            String token = null;
            do {
                String next = token;
                FilterLogEventsResponse page = errors.call(AwsErrors.Subject.function(function), () -> clients.logs()
                        .filterLogEvents(b -> b.logGroupName(group).startTime(sinceMs).nextToken(next)
                                .filterPattern(filter.map(f -> "\"" + f.replace("\"", "") + "\"").orElse(null))));
                for (FilteredLogEvent e : page.events()) {
                    all.add(new LogEvent(e.timestamp(), e.logStreamName(), e.message().stripTrailing()));
                }
                token = page.nextToken();
            } while (token != null && all.size() < 100_000);
        } catch (ResourceNotFoundException e) {
            return List.of(); // the function never logged: Lambda creates the group on the first invocation
        }
        all.sort((a, b) -> Long.compare(a.at(), b.at()));
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    @Override
    public List<MinuteMetrics> metrics(String function, long sinceMs, Optional<String> qualifier) {
        List<Dimension> dims = new ArrayList<>(List.of(Dimension.builder().name("FunctionName").value(function).build()));
        qualifier.ifPresent(q -> dims.add(Dimension.builder().name("Resource").value(function + ":" + q).build()));
        Map<Instant, double[]> byMinute = new TreeMap<>();
        for (String metric : List.of("Invocations", "Errors", "Throttles", "Duration")) {
            GetMetricStatisticsResponse r = errors.call(AwsErrors.Subject.function(function), () -> clients.cloudwatch()
                    .getMetricStatistics(b -> {
                        b.namespace("AWS/Lambda").metricName(metric).dimensions(dims).period(60)
                                .startTime(Instant.ofEpochMilli(sinceMs)).endTime(Instant.now().plusSeconds(60));
                        if (metric.equals("Duration")) {
                            b.statistics(Statistic.AVERAGE).extendedStatistics("p50", "p99");
                        } else {
                            b.statistics(Statistic.SUM);
                        }
                    }));
            for (Datapoint d : r.datapoints()) {
                double[] row = byMinute.computeIfAbsent(d.timestamp(), t -> new double[6]);
                switch (metric) {
                    case "Invocations" -> row[0] = d.sum();
                    case "Errors" -> row[1] = d.sum();
                    case "Throttles" -> row[2] = d.sum();
                    default -> {
                        Map<String, Double> ext = d.extendedStatistics() == null ? new HashMap<>() : d.extendedStatistics();
                        row[3] = d.average() == null ? 0 : d.average();
                        row[4] = ext.getOrDefault("p50", 0.0);
                        row[5] = ext.getOrDefault("p99", 0.0);
                    }
                }
            }
        }
        List<MinuteMetrics> out = new ArrayList<>();
        byMinute.forEach((t, r) -> out.add(new MinuteMetrics(t.toEpochMilli(), qualifier.orElse("all"), (int) r[0], (int) r[1],
                (int) r[2], r[3], r[4], r[5])));
        return out;
    }
}
