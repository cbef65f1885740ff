package io.lambdoku.aws;

import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.AlarmTransition;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.RoleState;
import io.lambdoku.core.infra.ScheduleSpec;
import java.util.List;
import java.util.Optional;

/**
 * {@link Infra} on AWS: roles in IAM ({@link AwsRoles}), schedules as EventBridge rules
 * ({@link AwsSchedules}), alarms in CloudWatch ({@link AwsAlarms}). Only delegates; shares the SDK clients of the
 * {@link AwsLambda} it sits beside, whose owner closes them.
 */
public final class AwsInfra implements Infra {

    private final AwsRoles roles;
    private final AwsSchedules schedules;
    private final AwsAlarms alarms;

    public AwsInfra(AwsClients clients) {
        AwsErrors errors = new AwsErrors(clients.options().endpoint().map(Object::toString).orElse("AWS"));
        AwsArns arns = new AwsArns(clients);
        this.roles = new AwsRoles(clients, errors, arns);
        this.schedules = new AwsSchedules(clients, errors, arns);
        this.alarms = new AwsAlarms(clients);
    }

    @Override
    public Optional<RoleState> role(String name) {
        return roles.role(name);
    }

    @Override
    public RoleState putRole(RoleSpec role) {
        return roles.putRole(role);
    }

    @Override
    public void deleteRole(String name) {
        roles.deleteRole(name);
    }

    @Override
    public void checkSchedule(String function, ScheduleSpec schedule) {
        AwsSchedules.check(function, schedule);
    }

    @Override
    public List<ScheduleSpec> schedules(String function) {
        return schedules.schedules(function);
    }

    @Override
    public void putSchedule(String function, ScheduleSpec schedule) {
        schedules.putSchedule(function, schedule);
    }

    @Override
    public void deleteSchedule(String function, String name) {
        schedules.deleteSchedule(function, name);
    }

    @Override
    public List<AlarmState> alarms(String function) {
        return alarms.alarms(function);
    }

    @Override
    public void putAlarm(String function, AlarmSpec alarm) {
        alarms.putAlarm(function, alarm);
    }

    @Override
    public void deleteAlarm(String function, String name) {
        alarms.deleteAlarm(function, name);
    }

    @Override
    public List<AlarmTransition> alarmHistory(String function, String alarm) {
        return alarms.alarmHistory(function, alarm);
    }
}
