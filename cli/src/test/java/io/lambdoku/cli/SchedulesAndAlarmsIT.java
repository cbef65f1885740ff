package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's done-when on the local backend: a folder declaring a role, a schedule and an alarm deploys;
 * 'local serve' fires the rate(1 minute) schedule at once (Scheduler's rule without a StartDate) with
 * EventBridge's Scheduled Event, and the alarm on Errors goes to ALARM after the function fails, as
 * 'lambdoku schedules' and 'lambdoku alarms' show. Serve ticks every 200 ms (LAMBDOKU_SERVE_TICK_MS) so the
 * test does not wait for the default 5 s.
 */
@SuppressWarnings("unchecked")
class SchedulesAndAlarmsIT {

    /** Prints the event it gets; fails when asked to, so the alarm has errors to count. */
    static final String APP = "import json\ndef handler(event, context):\n    if event.get('fail'):\n"
            + "        raise Exception('boom')\n    print('EVENT ' + json.dumps(event))\n";

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_SERVE_TICK_MS", "200", "AWS_REGION", "eu-west-1"));
        Path app = Files.createDirectories(scratch.resolve("ticker"));
        Files.writeString(app.resolve("app.py"), APP);
        Files.writeString(app.resolve("lambdoku.json"), """
                {
                  "runtime": "python3.12", "handler": "app.handler", "timeout": 10,
                  "role": {"create": true},
                  "schedules": [{"name": "ticker-every-minute", "expression": "rate(1 minute)"}],
                  "alarms": [{"metric": "Errors", "statistic": "Sum", "threshold": 1,
                              "actions": ["arn:aws:sns:eu-west-1:000000000000:ops"]}]
                }
                """);
        cli.run("deploy", app.toString()).succeeded();
        assertThat(JSON.std.mapFrom(cli.run("apps:info", "-a", "ticker", "--json").succeeded().out()))
                .containsEntry("role", "arn:aws:iam::000000000000:role/lambdoku-ticker");
    }

    @Test
    void aDeployedFolderScheduleFiresAndItsAlarmGoesToAlarmWhenTheFunctionFails() throws Exception {
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
                cli.run("invoke", "-a", "ticker", "-p", "{\"fail\": true}").failedWithCode(1);
            }
            await(() -> cli.run("alarms", "-a", "ticker", "--json"), r -> r.out().contains("\"state\" : \"ALARM\""));
            CliRunner.Result alarms = cli.run("alarms", "-a", "ticker", "--history").succeeded();
            assertThat(alarms.out()).contains("ticker  ticker-Errors  ALARM  Errors Sum >= 1.0 over 1 × 60 s")
                    .contains(" -> ALARM  Threshold Crossed: 1 datapoint [") // from OK once the scheduled run is counted
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
