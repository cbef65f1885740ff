package io.lambdoku.local.infra;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.AlarmTransition;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.runtime.LocalInvoker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarms evaluated from the invocations a real function made, as CloudWatch would from its metrics. */
class AlarmWatchTest {

    static final String FAILS = "def handler(event, context):\n    raise Exception('boom')\n";

    @TempDir
    Path tmp;

    LocalLambda lambda;
    LocalInvoker invoker;
    LocalInfra infra;
    AlarmWatch watch;
    final List<String> problems = new ArrayList<>();

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "eu-west-1", Duration.ZERO));
        lambda.createFunction(new NewFunction("shop", new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/x", 128, 10, Map.of(), List.of()), "", zipOf("app.py", FAILS), Map.of()));
        invoker = new LocalInvoker(lambda);
        infra = new LocalInfra(lambda);
        watch = new AlarmWatch(infra, lambda.database(), invoker::flush, problems::add);
    }

    @AfterEach
    void close() {
        invoker.close();
        lambda.close();
    }

    @Test
    void errorsTakeTheAlarmToAlarmAndSilenceToInsufficientData() {
        infra.putAlarm("shop", new AlarmSpec("shop-Errors", "Errors", "Sum", 1, null, 60, 1,
                List.of("arn:aws:sns:eu-west-1:000000000000:ops")));
        infra.putAlarm("shop", new AlarmSpec("shop-Throttles", "Throttles", "Sum", 1, null, 60, 1, List.of()));
        for (int i = 0; i < 3; i++) {
            invoker.invoke(new InvokeRequest("shop", "$LATEST", "{}".getBytes(StandardCharsets.UTF_8),
                    InvocationType.REQUEST_RESPONSE, false));
        }
        Instant now = Instant.now();
        assertThat(watch.tick(now)).isEqualTo(2); // the minute now falls in holds 1 to 3 of the errors
        AlarmState errors = infra.alarms("shop").get(0);
        assertThat(errors.state()).isEqualTo(AlarmState.ALARM);
        assertThat(errors.reason()).matches("Threshold Crossed: 1 datapoint \\[[1-3]\\.0 \\(\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:00\\)\\]"
                + " was greater than or equal to the threshold \\(1\\.0\\)\\.");
        assertThat(infra.alarms("shop").get(1).state()).as("no throttles: OK").isEqualTo(AlarmState.OK);
        AlarmTransition fired = infra.alarmHistory("shop", "shop-Errors").get(0);
        assertThat(fired.from() + ">" + fired.to()).isEqualTo("INSUFFICIENT_DATA>ALARM");
        assertThat(fired.reason()).endsWith(" Actions not run: local serve has no SNS or other action targets; AWS would notify"
                + " arn:aws:sns:eu-west-1:000000000000:ops.");

        assertThat(watch.tick(now)).as("no change, no new history").isZero();
        assertThat(watch.tick(now.plusSeconds(180))).isEqualTo(2);
        assertThat(infra.alarms("shop").get(0).state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(infra.alarmHistory("shop", "shop-Errors")).extracting(AlarmTransition::to)
                .containsExactly(AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM);
        assertThat(problems).isEmpty();
    }

    @Test
    void reservedConcurrencyOfZeroThrottlesAndTheThrottlesAlarmSeesIt() {
        lambda.putReservedConcurrency("shop", Optional.of(0));
        infra.putAlarm("shop", new AlarmSpec("shop-Throttles", "Throttles", "Sum", 2, null, 60, 1, List.of()));
        for (int i = 0; i < 2; i++) {
            try {
                invoker.invoke(new InvokeRequest("shop", "$LATEST", new byte[0], InvocationType.REQUEST_RESPONSE, false));
            } catch (io.lambdoku.core.invoke.ThrottledException expected) {
                assertThat(expected).hasMessageContaining("reserved concurrency of 0");
            }
        }
        watch.tick(Instant.now());
        assertThat(infra.alarms("shop").get(0).state()).isEqualTo(AlarmState.ALARM);
    }
}
