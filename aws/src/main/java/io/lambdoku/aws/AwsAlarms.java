package io.lambdoku.aws;

import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.AlarmTransition;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * A function's CloudWatch alarms: metric alarms on namespace AWS/Lambda with the one dimension
 * FunctionName=function, named {@code FUNCTION-…} so that DescribeAlarms finds them by name prefix
 * (CloudWatch lists alarms by name or prefix, not by dimension). {@link io.lambdoku.core.infra.Infra}'s
 * alarm methods on AWS delegate here.
 */
public final class AwsAlarms {

    /** DescribeAlarmHistory keeps two weeks; this bounds a history read however chatty the alarm was. */
    private static final int MAX_HISTORY = 1000;

    private final AwsClients clients;
    private final AwsErrors errors;

    public AwsAlarms(AwsClients clients) {
        this.clients = clients;
        this.errors = new AwsErrors(clients.options().endpointFor(AwsOptions.Service.CLOUDWATCH).map(Object::toString)
                .orElse("AWS CloudWatch"));
    }

    /** The alarms watching this function, by name; alarms on other functions that share the prefix are left out. */
    public List<AlarmState> alarms(String function) {
        return call(function, () -> cloudwatch().describeAlarmsPaginator(b -> b.alarmNamePrefix(prefix(function))
                        .alarmTypes(AlarmType.METRIC_ALARM)).metricAlarms().stream()
                .filter(a -> AlarmShapes.watches(a, function))
                .map(AlarmShapes::state)
                .sorted((a, b) -> a.spec().name().compareTo(b.spec().name()))
                .toList());
    }

    /** PutMetricAlarm creates the alarm or replaces its whole definition: idempotent, as Infra's puts are. */
    public void putAlarm(String function, AlarmSpec alarm) {
        requireOwnName(function, alarm.name());
        call(function, () -> cloudwatch().putMetricAlarm(AlarmShapes.put(function, alarm)));
    }

    /** Deletes the alarm only if it watches this function: a name is no proof of whose alarm it is. */
    public void deleteAlarm(String function, String name) {
        Optional<MetricAlarm> alarm = call(function, () -> cloudwatch().describeAlarms(b -> b.alarmNames(name)
                .alarmTypes(AlarmType.METRIC_ALARM)).metricAlarms().stream().findFirst());
        if (alarm.isEmpty() || !AlarmShapes.watches(alarm.get(), function)) {
            throw new ResourceNotFoundException("No alarm " + name + " on function " + function
                    + " in CloudWatch; see 'lambdoku alarms -a " + function + "'.");
        }
        call(function, () -> cloudwatch().deleteAlarms(b -> b.alarmNames(name)));
    }

    /** The alarm's state changes, newest first: CloudWatch keeps two weeks of them, also after the alarm is deleted. */
    public List<AlarmTransition> alarmHistory(String function, String alarm) {
        // the pages are fetched while iterating: inside call(), so a failure on page 3 is mapped like one on page 1
        return call(function, () -> {
            List<AlarmTransition> out = new ArrayList<>();
            for (AlarmHistoryItem item : cloudwatch().describeAlarmHistoryPaginator(b -> b.alarmName(alarm)
                    .historyItemType(HistoryItemType.STATE_UPDATE).alarmTypes(AlarmType.METRIC_ALARM)
                    .scanBy(ScanBy.TIMESTAMP_DESCENDING)).alarmHistoryItems()) {
                AlarmShapes.transition(item).ifPresent(out::add);
                if (out.size() >= MAX_HISTORY) {
                    break;
                }
            }
            return out;
        });
    }

    static String prefix(String function) {
        return AlarmSpec.prefix(function);
    }

    private static void requireOwnName(String function, String name) {
        if (!name.startsWith(prefix(function))) {
            throw new InvalidParameterException("The alarm " + name + " must be named " + prefix(function)
                    + "… (like " + AlarmSpec.defaultName(function, "Errors") + "): lambdoku finds a function's alarms "
                    + "in CloudWatch by that name prefix.");
        }
    }

    /** CloudWatch's refusals of what the user wrote become one sentence; the rest is mapped as for Lambda. */
    private <T> T call(String function, Supplier<T> call) {
        return errors.call(AwsErrors.Subject.function(function), () -> {
            try {
                return call.get();
            } catch (CloudWatchException e) {
                if (List.of("InvalidParameterValue", "InvalidParameterCombination", "MissingParameter", "ValidationError",
                        "LimitExceeded").contains(AwsErrors.code(e))) {
                    throw new InvalidParameterException("CloudWatch refused an alarm of function " + function + ": "
                            + e.awsErrorDetails().errorMessage(), e.awsErrorDetails().errorMessage());
                }
                throw e;
            }
        });
    }

    private CloudWatchClient cloudwatch() {
        return clients.cloudwatch();
    }
}
