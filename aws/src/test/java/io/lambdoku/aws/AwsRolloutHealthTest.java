package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.rollout.Reading;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a rollout's gates ask CloudWatch on AWS, checked on the requests the SDK would send (moto cannot read the
 * SDK's Smithy RPC v2 CBOR), and how the answers become a reading and an alarm state.
 */
class AwsRolloutHealthTest {

    private static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");

    private final CannedHttp http = new CannedHttp();
    private final AwsClients clients = new AwsClients(new AwsOptions(Optional.of("us-east-1"), Optional.empty(),
            Optional.of(URI.create("https://monitoring.example")), Optional.empty(),
            Optional.of(new AwsOptions.StaticKeys("AKIDEXAMPLE", "secret", Optional.empty()))), http);
    private final AwsRolloutHealth health = new AwsRolloutHealth(clients);

    @Test
    void aReadingAsksForTheVersionsOwnTrafficThroughTheAliasPerMinuteOverTheWholeMinutesOfTheWindow() {
        health.read("shop", "live", "9", MINUTE.plusSeconds(20), MINUTE.plusSeconds(150));

        assertThat(http.sent()).hasSize(1);
        CannedHttp.Sent sent = http.sent().get(0);
        assertThat(sent.operation()).isEqualTo("GetMetricData");
        assertThat(sent.request().encodedPath()).isEqualTo("/service/GraniteServiceVersion20100801/operation/GetMetricData");
        Map<String, Object> body = Cbor.decode(sent.body());
        assertThat(body).containsEntry("StartTime", MINUTE).containsEntry("EndTime", MINUTE.plusSeconds(180));
        List<Object> dimensions = List.of(Map.of("Name", "FunctionName", "Value", "shop"),
                Map.of("Name", "Resource", "Value", "shop:live"), Map.of("Name", "ExecutedVersion", "Value", "9"));
        assertThat(body.get("MetricDataQueries")).isEqualTo(List.of(
                query("invocations", "Invocations", "Sum", dimensions), query("errors", "Errors", "Sum", dimensions),
                query("throttles", "Throttles", "Sum", dimensions), query("p99", "Duration", "p99", dimensions)));
    }

    @Test
    void aWindowOnWholeMinutesIsAskedAsItIs() {
        health.read("shop", "live", "9", MINUTE, MINUTE.plusSeconds(120));

        assertThat(Cbor.decode(http.sent().get(0).body())).containsEntry("StartTime", MINUTE)
                .containsEntry("EndTime", MINUTE.plusSeconds(120));
    }

    @Test
    void theAnswerSumsTheMinutesAndTakesTheWorstMinutesP99() {
        http.answer(Cbor.encode(Map.of("MetricDataResults", List.of(
                result("invocations", 40.0, 10.0), result("errors", 3.0, 1.0), result("throttles", 2.0, 0.0),
                result("p99", 310.5, 820.25)))));

        Reading r = health.read("shop", "live", "9", MINUTE.plusSeconds(5), MINUTE.plusSeconds(100));

        assertThat(r).isEqualTo(new Reading("9", MINUTE, MINUTE.plusSeconds(120), 50, 4, 2, Optional.of(820.25)));
        assertThat(r.errorRatePercent()).isEqualTo(8.0);
    }

    @Test
    void withNoDatapointsTheReadingIsEmptyAndHasNoP99() {
        http.answer(Cbor.encode(Map.of("MetricDataResults", List.of(result("invocations"), result("errors"),
                result("throttles"), result("p99")))));

        Reading r = health.read("shop", "live", "9", MINUTE, MINUTE.plusSeconds(60));

        assertThat(r).isEqualTo(Reading.none("9", MINUTE, MINUTE.plusSeconds(60)));
        assertThat(r.p99Ms()).isEmpty();
    }

    @Test
    void anAlarmsStateIsAskedByNameAmongMetricAndCompositeAlarms() {
        http.answer(Cbor.encode(Map.of("MetricAlarms", List.of(Map.of("AlarmName", "shop-Errors", "StateValue", "ALARM")))));

        assertThat(health.alarmState("shop-Errors")).contains("ALARM");

        assertThat(http.sent().get(0).operation()).isEqualTo("DescribeAlarms");
        assertThat(Cbor.decode(http.sent().get(0).body())).containsEntry("AlarmNames", List.of("shop-Errors"))
                .containsEntry("AlarmTypes", List.of("MetricAlarm", "CompositeAlarm"));
    }

    @Test
    void aCompositeAlarmsStateIsReadToo() {
        http.answer(Cbor.encode(Map.of("MetricAlarms", List.of(),
                "CompositeAlarms", List.of(Map.of("AlarmName", "shop-health", "StateValue", "OK")))));

        assertThat(health.alarmState("shop-health")).contains("OK");
    }

    @Test
    void anAlarmThatDoesNotExistHasNoState() {
        http.answer(Cbor.encode(Map.of("MetricAlarms", List.of(), "CompositeAlarms", List.of())));

        assertThat(health.alarmState("no-such-alarm")).isEmpty();
    }

    private static Map<String, Object> query(String id, String metric, String stat, List<Object> dimensions) {
        return Map.of("Id", id, "ReturnData", true, "MetricStat", Map.of("Period", 60, "Stat", stat,
                "Metric", Map.of("Namespace", "AWS/Lambda", "MetricName", metric, "Dimensions", dimensions)));
    }

    /** One query's answer, a value per minute from {@link #MINUTE} on. */
    private static Map<String, Object> result(String id, Double... values) {
        List<Object> timestamps = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            timestamps.add(MINUTE.plusSeconds(60L * i));
        }
        return Map.of("Id", id, "Label", id, "StatusCode", "Complete", "Timestamps", timestamps, "Values", List.of(values));
    }
}
