package io.lambdoku.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.lambdoku.core.release.ReleaseScenarios.zipOf;

import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfraTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path tmp;

    LocalLambda lambda;
    LocalInfra infra;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(tmp.resolve("home"), "eu-west-1", Duration.ZERO));
        infra = new LocalInfra(lambda, Clock.fixed(T0, ZoneOffset.UTC));
        create("shop");
        create("cart");
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    void create(String name) {
        CodeZip zip = zipOf("app.py", "def handler(e, c):\n    return e\n");
        lambda.createFunction(new NewFunction(name, new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/x", 128, 3, Map.of(), List.of()), "", zip, Map.of()));
    }

    static AlarmSpec errors(String name) {
        return new AlarmSpec(name, "Errors", "Sum", 1, null, 60, 1, List.of("arn:aws:sns:eu-west-1:000000000000:ops"));
    }

    @Test
    void rolesAreKeptWithTheirPoliciesUnderTheLocalAccount() {
        RoleSpec spec = new RoleSpec("lambdoku-shop", "shop",
                List.of(Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*")), List.of("arn:aws:iam::aws:policy/X"));
        assertThat(infra.putRole(spec).arn()).isEqualTo("arn:aws:iam::000000000000:role/lambdoku-shop");
        assertThat(infra.role("lambdoku-shop").orElseThrow().spec()).isEqualTo(spec);
        RoleSpec changed = new RoleSpec("lambdoku-shop", "shop", List.of(), List.of());
        infra.putRole(changed);
        assertThat(infra.role("lambdoku-shop").orElseThrow().spec()).isEqualTo(changed);
        infra.deleteRole("lambdoku-shop");
        assertThat(infra.role("lambdoku-shop")).isEmpty();
        assertThatThrownBy(() -> infra.deleteRole("lambdoku-shop")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Role lambdoku-shop does not exist.");
        assertThatThrownBy(() -> infra.putRole(new RoleSpec("a b", "shop", List.of(), List.of())))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void schedulesArePutListedAndDeleted() {
        ScheduleSpec every5 = new ScheduleSpec("shop-schedule-1", "rate(5 minutes)", null, Optional.of("{\"a\":1}"), true);
        infra.putSchedule("shop", every5);
        infra.putSchedule("shop", new ScheduleSpec("shop-nightly", "cron(0 2 * * ? *)", "Europe/Berlin", Optional.empty(), false));
        assertThat(infra.schedules("shop")).extracting(ScheduleSpec::name).containsExactly("shop-nightly", "shop-schedule-1");
        assertThat(infra.schedules("shop")).contains(every5);
        assertThat(infra.schedules("cart")).isEmpty();
        assertThat(infra.scheduleRows("shop").get(1).created()).isEqualTo(T0);
        infra.deleteSchedule("shop", "shop-nightly");
        assertThat(infra.schedules("shop")).containsExactly(every5);
        assertThatThrownBy(() -> infra.deleteSchedule("shop", "shop-nightly")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void badSchedulesChangeNothing() {
        assertThatThrownBy(() -> infra.putSchedule("shop", new ScheduleSpec("s", "rate(1 minutes)", null, Optional.empty(), true)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("singular");
        assertThatThrownBy(() -> infra.putSchedule("shop", new ScheduleSpec("s", "rate(1 minute)", "Nowhere/City",
                Optional.empty(), true))).hasMessageContaining("IANA");
        assertThatThrownBy(() -> infra.putSchedule("shop", new ScheduleSpec("s", "rate(1 minute)", null, Optional.of("{"), true)))
                .hasMessageStartingWith("The payload of schedule s is not valid JSON");
        assertThatThrownBy(() -> infra.putSchedule("ghost", new ScheduleSpec("s", "rate(1 minute)", null, Optional.empty(), true)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("Function ghost does not exist.");
        assertThat(infra.schedules("shop")).isEmpty();
    }

    @Test
    void aNameBelongsToOneFunction() {
        infra.putSchedule("shop", new ScheduleSpec("nightly", "rate(1 day)", null, Optional.empty(), true));
        assertThatThrownBy(() -> infra.putSchedule("cart", new ScheduleSpec("nightly", "rate(1 day)", null, Optional.empty(), true)))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Schedule nightly belongs to function shop; schedule names are unique in the account, so give this"
                        + " one another name.");
        infra.putAlarm("shop", errors("errs"));
        assertThatThrownBy(() -> infra.putAlarm("cart", errors("errs"))).isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void aScheduleFiresOnceForADueTimeAndAChangedExpressionStartsAfresh() {
        infra.putSchedule("shop", new ScheduleSpec("s", "rate(1 minute)", null, Optional.empty(), true));
        assertThat(infra.markFired("s", Optional.empty(), T0)).isTrue();
        assertThat(infra.markFired("s", Optional.empty(), T0)).isFalse(); // a second server lost the race
        assertThat(infra.scheduleRows("shop").get(0).lastFired()).contains(T0);
        infra.putSchedule("shop", new ScheduleSpec("s", "rate(1 minute)", null, Optional.of("{}"), true));
        assertThat(infra.scheduleRows("shop").get(0).lastFired()).contains(T0);
        infra.putSchedule("shop", new ScheduleSpec("s", "rate(2 minutes)", null, Optional.empty(), true));
        assertThat(infra.scheduleRows("shop").get(0).lastFired()).isEmpty();
    }

    @Test
    void alarmsStartWithInsufficientDataAndKeepTheirStateWhenUpdated() {
        infra.putAlarm("shop", errors("shop-Errors"));
        AlarmState fresh = infra.alarms("shop").get(0);
        assertThat(fresh.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(fresh.reason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(fresh.spec().comparison()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(infra.transition("shop-Errors", AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM, "Threshold Crossed",
                T0.plusSeconds(60))).isTrue();
        assertThat(infra.transition("shop-Errors", AlarmState.INSUFFICIENT_DATA, AlarmState.OK, "late", T0)).isFalse();
        AlarmSpec higher = new AlarmSpec("shop-Errors", "Errors", "Sum", 5, null, 60, 2, List.of());
        infra.putAlarm("shop", higher);
        assertThat(infra.alarms("shop")).containsExactly(new AlarmState(higher, AlarmState.ALARM, "Threshold Crossed",
                T0.plusSeconds(60)));
        assertThat(infra.alarmHistory("shop", "shop-Errors")).singleElement()
                .satisfies(t -> assertThat(t.from() + ">" + t.to()).isEqualTo("INSUFFICIENT_DATA>ALARM"));
        infra.deleteAlarm("shop", "shop-Errors");
        assertThat(infra.alarms("shop")).isEmpty();
        assertThat(infra.alarmHistory("shop", "shop-Errors")).isEmpty();
    }

    @Test
    void badAlarmsSayWhy() {
        assertThatThrownBy(() -> infra.putAlarm("shop", new AlarmSpec("a", "Errorz", null, 1, null, 60, 1, List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Alarm a watches metric 'Errorz'; lambdoku alarms watch one of Errors, Throttles, Duration,"
                        + " Invocations.");
        assertThatThrownBy(() -> infra.putAlarm("shop", new AlarmSpec("a", "Errors", null, 1, null, 45, 1, List.of())))
                .hasMessage("Alarm a has period 45; CloudWatch takes 10, 20, 30 or a multiple of 60 seconds.");
        assertThatThrownBy(() -> infra.putAlarm("shop", new AlarmSpec("a", "Errors", null, 1, null, 60, 1441, List.of())))
                .hasMessage("Alarm a evaluates 86460 seconds (period × evaluation periods); CloudWatch allows at most 86400"
                        + " for a period under an hour.");
    }

    @Test
    void deletingTheFunctionRemovesItsSchedulesAlarmsAndConcurrencyButNotItsRole() {
        infra.putRole(new RoleSpec("lambdoku-shop", "shop", List.of(), List.of()));
        infra.putSchedule("shop", new ScheduleSpec("s", "rate(1 minute)", null, Optional.empty(), true));
        infra.putAlarm("shop", errors("shop-Errors"));
        infra.transition("shop-Errors", AlarmState.INSUFFICIENT_DATA, AlarmState.OK, "fine", T0);
        lambda.putReservedConcurrency("shop", Optional.of(3));
        lambda.deleteFunction("shop");
        assertThat(infra.schedules("shop")).isEmpty();
        assertThat(infra.alarms("shop")).isEmpty();
        assertThat(infra.alarmHistory("shop", "shop-Errors")).isEmpty();
        create("shop");
        assertThat(lambda.reservedConcurrency("shop")).isEmpty();
        assertThat(infra.role("lambdoku-shop")).isPresent();
    }

    @Test
    void reservedConcurrencyIsKeptWithinTheAccountsUnreservedMinimum() {
        assertThat(lambda.reservedConcurrency("shop")).isEmpty();
        lambda.putReservedConcurrency("shop", Optional.of(0));
        assertThat(lambda.reservedConcurrency("shop")).contains(0);
        lambda.putReservedConcurrency("cart", Optional.of(900));
        assertThatThrownBy(() -> lambda.putReservedConcurrency("shop", Optional.of(1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Reserving 1 for shop would leave the account fewer than 100 unreserved concurrent executions"
                        + " (1000 in all, 900 reserved by other functions).");
        lambda.putReservedConcurrency("shop", Optional.empty());
        assertThat(lambda.reservedConcurrency("shop")).isEmpty();
        assertThatThrownBy(() -> lambda.reservedConcurrency("ghost")).isInstanceOf(ResourceNotFoundException.class);
    }
}
