package io.lambdoku.local.infra;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.invoke.LogEvent;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.runtime.InvocationQueries;
import io.lambdoku.local.runtime.LocalInvoker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler by a clock the test sets, firing a real function that prints the event it received. */
class SchedulerTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final String ECHO = "import json\ndef handler(event, context):\n    print('EVENT ' + json.dumps(event))\n";

    @TempDir
    Path tmp;

    LocalLambda lambda;
    LocalInvoker invoker;
    LocalInfra infra;
    Scheduler scheduler;
    final List<String> problems = new ArrayList<>();

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "eu-west-1", Duration.ZERO));
        lambda.createFunction(new NewFunction("tick", new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/x", 128, 10, Map.of(), List.of()), "", zipOf("app.py", ECHO), Map.of()));
        invoker = new LocalInvoker(lambda);
        infra = new LocalInfra(lambda, Clock.fixed(T0, ZoneOffset.UTC));
        scheduler = new Scheduler(infra, invoker, "eu-west-1", problems::add);
    }

    @AfterEach
    void close() {
        invoker.close();
        lambda.close();
    }

    @Test
    void aRateFiresAtOnceThenEveryPeriodOnceAndCatchesUpOnce() throws Exception {
        infra.putSchedule("tick", new ScheduleSpec("tick-every-minute", "rate(1 minute)", null, Optional.empty(), true));
        assertThat(scheduler.tick(T0)).isEqualTo(1);
        assertThat(scheduler.tick(T0)).as("never twice for one due time").isZero();
        assertThat(scheduler.tick(T0.plusSeconds(59))).isZero();
        assertThat(scheduler.tick(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(scheduler.tick(T0.plusSeconds(630))).as("ten minutes down: one catch-up, not nine").isEqualTo(1);
        assertThat(scheduler.tick(T0.plusSeconds(631))).isZero();
        assertThat(Scheduler.nextRun(infra.scheduleRows("tick").get(0))).isEqualTo(T0.plusSeconds(660));

        List<Map<String, Object>> events = eventsReceived();
        assertThat(events).extracting(e -> e.get("time"))
                .containsExactly("2026-11-23T12:00:00Z", "2026-11-23T12:01:00Z", "2026-11-23T12:10:00Z");
        Map<String, Object> first = events.get(0);
        assertThat(first).containsEntry("version", "0").containsEntry("detail-type", "Scheduled Event")
                .containsEntry("source", "aws.events").containsEntry("account", "000000000000")
                .containsEntry("region", "eu-west-1").containsEntry("detail", Map.of())
                .containsEntry("resources", List.of("arn:aws:scheduler:eu-west-1:000000000000:schedule/default/tick-every-minute"));
        assertThat((String) first.get("id")).matches("[0-9a-f-]{36}");
        assertThat(problems).isEmpty();
    }

    @Test
    void aCronSendsItsOwnPayloadAndADisabledScheduleLetsItsTimesPass() throws Exception {
        infra.putSchedule("tick", new ScheduleSpec("nightly", "cron(0 2 * * ? *)", "Europe/Berlin",
                Optional.of("{\"job\":\"nightly\"}"), true));
        infra.putSchedule("tick", new ScheduleSpec("off", "rate(1 minute)", null, Optional.of("{\"job\":\"off\"}"), false));
        assertThat(Scheduler.nextRun(infra.scheduleRows("tick").get(0))).isEqualTo("2026-11-24T01:00:00Z");
        assertThat(scheduler.tick(Instant.parse("2026-11-24T00:59:59Z"))).isZero();
        assertThat(scheduler.tick(Instant.parse("2026-11-24T01:00:20Z"))).isEqualTo(1);
        assertThat(eventsReceived()).containsExactly(Map.of("job", "nightly"));
        assertThat(infra.scheduleRows("tick").get(1).lastFired()).as("the disabled one's due times passed")
                .contains(Instant.parse("2026-11-24T01:00:00Z"));
    }

    /** What the function printed, once every Event invocation has run and been recorded. */
    private List<Map<String, Object>> eventsReceived() throws Exception {
        invoker.close();
        List<Map<String, Object>> events = new ArrayList<>();
        for (LogEvent e : new InvocationQueries(lambda).logs("tick", 0, Optional.of("EVENT "), 100)) {
            events.add(JSON.std.mapFrom(e.message().substring(e.message().indexOf("EVENT ") + 6)));
        }
        events.sort((a, b) -> String.valueOf(a.get("time")).compareTo(String.valueOf(b.get("time"))));
        return events;
    }
}
