package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.code.ReproducibleZip;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.infra.LocalInfra;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'local serve' fires a rate(1 minute) schedule at once (Scheduler's rule without a StartDate) and an alarm on
 * Errors goes to ALARM after the function fails, as 'lambdoku schedules' and 'lambdoku alarms' show. The
 * schedule and the alarm are put into the store directly, as 'lambdoku apply' will; serve ticks every 200 ms
 * (LAMBDOKU_SERVE_TICK_MS) so the test does not wait for the default 5 s.
 */
@SuppressWarnings("unchecked")
class SchedulesAndAlarmsIT {

    static final String ECHO = "import json\ndef handler(event, context):\n    print('EVENT ' + json.dumps(event))\n";
    static final String FAILS = "def handler(event, context):\n    raise Exception('boom')\n";

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_SERVE_TICK_MS", "200", "AWS_REGION", "eu-west-1"));
        try (LocalLambda lambda = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", cli.home().toString(),
                "AWS_REGION", "eu-west-1")))) {
            create(lambda, "ticker", ECHO);
            create(lambda, "failing", FAILS);
            LocalInfra infra = new LocalInfra(lambda);
            infra.putSchedule("ticker", new ScheduleSpec("ticker-every-minute", "rate(1 minute)", null, Optional.empty(), true));
            infra.putAlarm("failing", new AlarmSpec("failing-Errors", "Errors", "Sum", 1, null, 60, 1,
                    List.of("arn:aws:sns:eu-west-1:000000000000:ops")));
        }
    }

    private static void create(LocalLambda lambda, String name, String code) {
        byte[] zip = ReproducibleZip.write(List.of(new ReproducibleZip.Entry("app.py", code.getBytes(StandardCharsets.UTF_8),
                false)), ReproducibleZip.DEFAULT_EPOCH_SECONDS);
        lambda.createFunction(new NewFunction(name, new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/x", 128, 10, Map.of(), List.of()), "", new CodeZip(zip), Map.of()));
    }

    @Test
    void serveFiresTheScheduleAndTheAlarmGoesToAlarmWhenTheFunctionFails() throws Exception {
        cli.run("schedules").succeeded().outContains("ticker  ticker-every-minute  rate(1 minute)  next ");
        assertThat(cli.run("schedules").err()).contains("is not running on this store: nothing fires these");
        try (LocalServe serve = LocalServe.start(cli)) {
            assertThat(serve.banner()).anyMatch(l -> l.startsWith("Schedules: fired here"));
            CliRunner.Result logs = await(() -> cli.run("logs", "-a", "ticker"), r -> r.out().contains("EVENT "));
            String line = logs.out().lines().filter(l -> l.contains("EVENT ")).findFirst().orElseThrow();
            Map<String, Object> event = JSON.std.mapFrom(line.substring(line.indexOf("EVENT ") + 6));
            assertThat(event).containsEntry("detail-type", "Scheduled Event").containsEntry("source", "aws.events")
                    .containsEntry("account", "000000000000").containsEntry("region", "eu-west-1")
                    .containsEntry("resources", List.of("arn:aws:scheduler:eu-west-1:000000000000:schedule/default/ticker-every-minute"));

            Map<String, Object> listed = JSON.std.mapFrom(cli.run("schedules", "-a", "ticker", "--json").succeeded().out());
            assertThat(listed).containsEntry("firedByLocalServe", true);
            Map<String, Object> schedule = ((List<Map<String, Object>>) listed.get("schedules")).get(0);
            Instant last = Instant.parse((String) schedule.get("lastRun"));
            assertThat(Instant.parse((String) schedule.get("nextRun"))).isEqualTo(last.plusSeconds(60));

            for (int i = 0; i < 3; i++) {
                cli.run("invoke", "-a", "failing").failedWithCode(1);
            }
            await(() -> cli.run("alarms", "-a", "failing", "--json"), r -> r.out().contains("\"state\" : \"ALARM\""));
            CliRunner.Result alarms = cli.run("alarms", "-a", "failing", "--history").succeeded();
            assertThat(alarms.out()).contains("failing  failing-Errors  ALARM  Errors Sum >= 1.0 over 1 × 60 s")
                    .contains("INSUFFICIENT_DATA -> ALARM  Threshold Crossed: 1 datapoint [")
                    .contains("was greater than or equal to the threshold (1.0).")
                    .contains("AWS would notify arn:aws:sns:eu-west-1:000000000000:ops.");
            assertThat(alarms.err()).contains("alarm actions are not run locally (no SNS)");
        }
    }

    /** Runs {@code command} until its result satisfies {@code done}, for up to 60 s. */
    private static CliRunner.Result await(ThrowingSupplier command, Predicate<CliRunner.Result> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        CliRunner.Result last = command.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(300);
            last = command.get();
        }
        assertThat(done.test(last)).as("waited for: " + last.command() + "\n" + last.out() + last.err()).isTrue();
        return last;
    }

    @FunctionalInterface
    interface ThrowingSupplier {
        CliRunner.Result get() throws Exception;
    }
}
