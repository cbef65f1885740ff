package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.AlarmTransition;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What AwsAlarms asks CloudWatch, checked on the requests the SDK would send (moto cannot read the SDK's
 * Smithy RPC v2 CBOR, see the README), and how it reads CloudWatch's answers, recorded ones included.
 */
class AwsAlarmsTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:oncall";
    private static final AlarmSpec ERRORS = new AlarmSpec("shop-Errors", "Errors", "Sum", 1, "GreaterThanOrEqualToThreshold",
            60, 2, List.of(TOPIC));

    private final CannedHttp http = new CannedHttp();
    private final AwsClients clients = new AwsClients(new AwsOptions(Optional.of("us-east-1"), Optional.empty(),
            Optional.of(URI.create("https://monitoring.example")), Optional.empty(),
            Optional.of(new AwsOptions.StaticKeys("AKIDEXAMPLE", "secret", Optional.empty()))), http);
    private final AwsAlarms alarms = new AwsAlarms(clients);

    @Test
    void putAlarmAsksForAnAlarmOnTheFunctionsLambdaMetric() {
        alarms.putAlarm("shop", ERRORS);

        CannedHttp.Sent put = http.sent().get(0);
        assertThat(put.operation()).isEqualTo("PutMetricAlarm");
        assertThat(put.request().encodedPath()).isEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricAlarm");
        assertThat(put.header("smithy-protocol")).contains("rpc-v2-cbor");
        assertThat(put.header("Authorization").orElseThrow()).contains("/us-east-1/monitoring/aws4_request");
        Map<String, Object> body = Cbor.decode(put.body());
        assertThat(body).containsEntry("AlarmName", "shop-Errors").containsEntry("Namespace", "AWS/Lambda")
                .containsEntry("MetricName", "Errors").containsEntry("Statistic", "Sum")
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("Period", 60).containsEntry("EvaluationPeriods", 2)
                .containsEntry("ActionsEnabled", true).containsEntry("AlarmActions", List.of(TOPIC))
                .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", "shop")))
                .doesNotContainKey("ExtendedStatistic");
        assertThat(((Number) body.get("Threshold")).doubleValue()).isEqualTo(1.0);
    }

    @Test
    void aPercentileIsSentAsAnExtendedStatistic() {
        alarms.putAlarm("shop", new AlarmSpec("shop-Duration", "Duration", "p99", 800, "GreaterThanThreshold", 300, 1, List.of()));

        Map<String, Object> body = Cbor.decode(http.sent().get(0).body());
        assertThat(body).containsEntry("ExtendedStatistic", "p99").doesNotContainKey("Statistic")
                .containsEntry("MetricName", "Duration");
    }

    @Test
    void anAlarmNotNamedAfterItsFunctionIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> alarms.putAlarm("shop", new AlarmSpec("errors", "Errors", "Sum", 1, null, 60, 1, List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The alarm errors must be named shop-… (like shop-Errors): lambdoku finds a function's alarms "
                        + "in CloudWatch by that name prefix.");
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void anAlarmReadBackEqualsTheSpecPutAndAlarmsOfOtherFunctionsAreLeftOut() {
        alarms.putAlarm("shop", ERRORS);
        alarms.putAlarm("shop-api", new AlarmSpec("shop-api-Errors", "Errors", "Sum", 5, null, 60, 1, List.of()));
        // CloudWatch answers DescribeAlarms with what was put, plus the state it evaluated
        Instant since = Instant.parse("2026-11-23T10:15:30Z");
        List<Object> stored = http.sent().stream().map(s -> (Object) CloudWatchStandIn.described(Cbor.decode(s.body()), since))
                .toList();
        http.answer(Cbor.encode(Map.of("MetricAlarms", stored)));

        List<AlarmState> found = alarms.alarms("shop");

        CannedHttp.Sent describe = http.sent().get(2);
        assertThat(describe.operation()).isEqualTo("DescribeAlarms");
        assertThat(Cbor.decode(describe.body())).containsEntry("AlarmNamePrefix", "shop-")
                .containsEntry("AlarmTypes", List.of("MetricAlarm"));
        assertThat(found).containsExactly(new AlarmState(ERRORS, "INSUFFICIENT_DATA", "Unchecked: Initial alarm creation", since));
    }

    @Test
    void aRecordedDescribeAlarmsAnswerIsReadIntoAnAlarmState() {
        http.answer(Cbor.fromJson(recorded("describe-alarms.json"), Set.of("StateUpdatedTimestamp",
                "AlarmConfigurationUpdatedTimestamp", "StateTransitionedTimestamp")));

        AlarmState state = AlarmShapes.state(clients.cloudwatch().describeAlarms(b -> b.alarmNames("myalarm"))
                .metricAlarms().get(0));

        assertThat(state).isEqualTo(new AlarmState(new AlarmSpec("myalarm", "CPUUtilization", "Average", 70.0,
                "GreaterThanThreshold", 300, 2, List.of("arn:aws:sns:us-east-1:123456789012:myHighCpuAlarm")), "OK",
                "Threshold Crossed: 2 datapoints were not greater than the threshold (70.0). The most recent datapoints: "
                        + "[38.958, 40.292].", Instant.parse("2014-04-09T18:59:06.442Z")));
    }

    @Test
    void anAlarmOnAnotherNamespaceOrDimensionIsNotTheFunctions() {
        http.answer(Cbor.fromJson(recorded("describe-alarms.json"), Set.of("StateUpdatedTimestamp",
                "AlarmConfigurationUpdatedTimestamp")));

        assertThat(alarms.alarms("myalarm")).isEmpty();
    }

    @Test
    void aRecordedHistoryBecomesItsTransitionsNewestFirst() {
        http.answer(Cbor.fromJson(recorded("describe-alarm-history.json"), Set.of("Timestamp")));

        List<AlarmTransition> history = alarms.alarmHistory("shop", "myalarm");

        assertThat(Cbor.decode(http.sent().get(0).body())).containsEntry("AlarmName", "myalarm")
                .containsEntry("HistoryItemType", "StateUpdate").containsEntry("ScanBy", "TimestampDescending");
        assertThat(history).containsExactly(
                new AlarmTransition("myalarm", "ALARM", "OK", "Threshold Crossed: 2 datapoints were not greater than the "
                        + "threshold (70.0). The most recent datapoints: [38.958, 40.292].", Instant.parse("2014-04-09T18:59:06.442Z")),
                new AlarmTransition("myalarm", "OK", "ALARM", "testing purposes", Instant.parse("2014-04-09T18:59:05.805Z")));
    }

    @Test
    void deleteAlarmDeletesTheFunctionsAlarmByName() {
        alarms.putAlarm("shop", ERRORS);
        http.answer(Cbor.encode(Map.of("MetricAlarms", List.of(CloudWatchStandIn.described(Cbor.decode(http.sent().get(0).body()),
                Instant.now())))));

        alarms.deleteAlarm("shop", "shop-Errors");

        assertThat(http.sent()).extracting(CannedHttp.Sent::operation).containsExactly("PutMetricAlarm", "DescribeAlarms", "DeleteAlarms");
        assertThat(Cbor.decode(http.sent().get(2).body())).containsEntry("AlarmNames", List.of("shop-Errors"));
    }

    @Test
    void deletingAMissingAlarmOrAnotherFunctionsSaysSoAndDeletesNothing() {
        http.answer(Cbor.encode(Map.of("MetricAlarms", List.of())));
        assertThatThrownBy(() -> alarms.deleteAlarm("shop", "shop-Errors")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("No alarm shop-Errors on function shop in CloudWatch; see 'lambdoku alarms -a shop'.");

        alarms.putAlarm("shop-api", new AlarmSpec("shop-api-Errors", "Errors", "Sum", 5, null, 60, 1, List.of()));
        http.answer(Cbor.encode(Map.of("MetricAlarms", List.of(CloudWatchStandIn.described(Cbor.decode(http.sent().get(1).body()),
                Instant.now())))));
        assertThatThrownBy(() -> alarms.deleteAlarm("shop", "shop-api-Errors")).isInstanceOf(ResourceNotFoundException.class);

        assertThat(http.sent()).extracting(CannedHttp.Sent::operation).doesNotContain("DeleteAlarms");
    }

    @Test
    void cloudWatchsRefusalOfAnAlarmIsOneSentenceNamingTheFunction() {
        // how CloudWatch answers over RPC v2 CBOR for a service that was AWS Query: the query error code in a header
        http.answer(400, Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor",
                "x-amzn-query-error", "InvalidParameterValue;Sender"), Cbor.encode(Map.of(
                "__type", "com.amazonaws.cloudwatch#InvalidParameterValueException",
                "message", "The parameter Period must be a multiple of 60 for periods over 60 seconds.")));

        assertThatThrownBy(() -> alarms.putAlarm("shop", new AlarmSpec("shop-Errors", "Errors", "Sum", 1, null, 90, 1, List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("CloudWatch refused an alarm of function shop: The parameter Period must be a multiple of 60 "
                        + "for periods over 60 seconds.");
    }

    private static String recorded(String name) {
        try (InputStream in = AwsAlarmsTest.class.getResourceAsStream("/recorded-aws/cloudwatch/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
