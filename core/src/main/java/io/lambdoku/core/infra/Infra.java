package io.lambdoku.core.infra;

import java.util.List;
import java.util.Optional;

/**
 * The port for what lives around a function (design.md §8): execution roles, schedules that invoke it,
 * alarms on its metrics. Local: tables of the store ({@code local serve} fires schedules and evaluates
 * alarms); AWS: IAM, EventBridge, CloudWatch. Every put is idempotent: it makes the resource match the
 * spec, creating it if missing. Failures are {@link io.lambdoku.core.lambda.LambdaException}s.
 */
public interface Infra {

    Optional<RoleState> role(String name);

    /** Creates the role with Lambda's trust policy, or makes its policies match; returns it as stored. */
    RoleState putRole(RoleSpec role);

    void deleteRole(String name);

    /**
     * Refuses a schedule this backend cannot run, before anything is written (AWS: a time zone other than UTC,
     * as EventBridge rules run in UTC); an {@link io.lambdoku.core.lambda.InvalidParameterException} saying so.
     */
    default void checkSchedule(String function, ScheduleSpec schedule) {
    }

    /** The schedules that invoke this function, by name. */
    List<ScheduleSpec> schedules(String function);

    void putSchedule(String function, ScheduleSpec schedule);

    void deleteSchedule(String function, String name);

    /** The alarms on this function's metrics, with their states. */
    List<AlarmState> alarms(String function);

    void putAlarm(String function, AlarmSpec alarm);

    void deleteAlarm(String function, String name);

    /** An alarm's state changes, newest first. */
    List<AlarmTransition> alarmHistory(String function, String alarm);
}
