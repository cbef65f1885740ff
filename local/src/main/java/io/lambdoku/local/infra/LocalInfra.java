package io.lambdoku.local.infra;

import io.lambdoku.local.store.SettingsJson;
import io.lambdoku.core.infra.SpecJson;
import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.infra.AlarmLimits;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.AlarmTransition;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.RoleState;
import io.lambdoku.core.infra.ScheduleExpression;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.local.Arns;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Roles, schedules and alarms in the local store. Roles are kept and shown, never enforced: functions
 * here run as the user. Schedules fire and alarms are evaluated by {@code local serve}; this class only keeps them, each write in one transaction. Schedule and alarm
 * names are unique in the account, as in Scheduler's default group and in CloudWatch.
 */
public final class LocalInfra implements Infra {

    static final String INITIAL_REASON = "Unchecked: Initial alarm creation";
    private static final int MAX_PAYLOAD = 256 * 1024; // an Event invocation's limit

    private final Database db;
    private final Clock clock;

    public LocalInfra(LocalLambda lambda) {
        this(lambda, Clock.systemUTC());
    }

    public LocalInfra(LocalLambda lambda, Clock clock) {
        this.db = lambda.database();
        this.clock = clock;
    }

    // --- roles --------------------------------------------------------------------------------------

    @Override
    public Optional<RoleState> role(String name) {
        return db.read(c -> Sql.query(c, rs -> new RoleState(Arns.role(name), SpecJson.role(SettingsJson.asMap(rs.getString(1)))),
                "SELECT spec FROM roles WHERE name = ?", name).stream().findFirst());
    }

    @Override
    public RoleState putRole(RoleSpec role) {
        if (!role.name().matches("[\\w+=,.@-]{1,64}")) {
            throw new InvalidParameterException("Role name '" + role.name() + "' must be 1 to 64 letters, digits or +=,.@_-"
                    + " characters, as IAM requires.");
        }
        db.write(c -> Sql.execute(c, "INSERT INTO roles(name, spec, created) VALUES (?, ?, ?)"
                + " ON CONFLICT(name) DO UPDATE SET spec = excluded.spec", role.name(), SettingsJson.asString(SpecJson.role(role)), now().toString()));
        return new RoleState(Arns.role(role.name()), role);
    }

    @Override
    public void deleteRole(String name) {
        db.write(c -> requireDeleted(Sql.execute(c, "DELETE FROM roles WHERE name = ?", name), "Role " + name));
    }

    // --- schedules ----------------------------------------------------------------------------------

    @Override
    public List<ScheduleSpec> schedules(String function) {
        return scheduleRows(function).stream().map(ScheduleRow::spec).toList();
    }

    /** The function's schedules with when each was made and last fired; every function's when {@code function} is null. */
    public List<ScheduleRow> scheduleRows(String function) {
        String where = function == null ? "" : " WHERE function = ?";
        Object[] args = function == null ? new Object[0] : new Object[] {function};
        return db.read(c -> Sql.query(c, rs -> new ScheduleRow(rs.getString(2), SpecJson.schedule(SettingsJson.asMap(rs.getString(3))),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getObject(5) == null ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(rs.getLong(5)))),
                "SELECT name, function, spec, created, last_fired FROM schedules" + where + " ORDER BY function, name", args));
    }

    /** A changed expression starts afresh (a rate from now), as a schedule updated on Scheduler does. */
    @Override
    public void putSchedule(String function, ScheduleSpec schedule) {
        if (!schedule.name().matches("[0-9a-zA-Z_.-]{1,64}")) {
            throw new InvalidParameterException("Schedule name '" + schedule.name() + "' must be 1 to 64 letters, digits,"
                    + " '.', '_' or '-', as EventBridge Scheduler requires.");
        }
        ScheduleExpression.parse(schedule.expression(), schedule.timezone());
        schedule.payload().ifPresent(p -> checkPayload(schedule.name(), p));
        long now = now().toEpochMilli();
        db.write(c -> {
            requireFunction(c, function);
            Optional<ScheduleRow> old = ownedBy(c, "schedules", "Schedule", schedule.name(), function).isPresent()
                    ? scheduleRow(c, schedule.name()) : Optional.empty();
            if (old.isEmpty() || !sameTiming(old.get().spec(), schedule)) {
                return Sql.execute(c, "INSERT INTO schedules(name, function, spec, created) VALUES (?, ?, ?, ?) ON CONFLICT(name)"
                        + " DO UPDATE SET spec = excluded.spec, created = excluded.created, last_fired = NULL",
                        schedule.name(), function, SettingsJson.asString(SpecJson.schedule(schedule)), now);
            }
            return Sql.execute(c, "UPDATE schedules SET spec = ? WHERE name = ?", SettingsJson.asString(SpecJson.schedule(schedule)), schedule.name());
        });
    }

    @Override
    public void deleteSchedule(String function, String name) {
        db.write(c -> requireDeleted(Sql.execute(c, "DELETE FROM schedules WHERE name = ? AND function = ?", name, function),
                "Schedule " + name + " of function " + function));
    }

    /**
     * Records that the schedule fired for {@code due}, only if it still last fired at {@code previous}: of
     * two {@code local serve} processes on one store, one wins and fires; the other sees false and does not.
     */
    public boolean markFired(String name, Optional<Instant> previous, Instant due) {
        return db.write(c -> Sql.execute(c, "UPDATE schedules SET last_fired = ? WHERE name = ? AND last_fired IS ?",
                due.toEpochMilli(), name, previous.map(Instant::toEpochMilli).orElse(null)) == 1);
    }

    // --- alarms -------------------------------------------------------------------------------------

    @Override
    public List<AlarmState> alarms(String function) {
        return alarmRows(function).stream().map(AlarmRow::alarm).toList();
    }

    /** The function's alarms; every function's when {@code function} is null. */
    public List<AlarmRow> alarmRows(String function) {
        String where = function == null ? "" : " WHERE function = ?";
        Object[] args = function == null ? new Object[0] : new Object[] {function};
        return db.read(c -> Sql.query(c, rs -> new AlarmRow(rs.getString(2), new AlarmState(
                SpecJson.alarm(SettingsJson.asMap(rs.getString(3))), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)))),
                "SELECT name, function, spec, state, reason, updated FROM alarms" + where + " ORDER BY function, name", args));
    }

    /** A new alarm starts INSUFFICIENT_DATA; an updated one keeps its state, as PutMetricAlarm does. */
    @Override
    public void putAlarm(String function, AlarmSpec alarm) {
        AlarmLimits.check(alarm);
        long now = now().toEpochMilli();
        db.write(c -> {
            requireFunction(c, function);
            ownedBy(c, "alarms", "Alarm", alarm.name(), function);
            return Sql.execute(c, "INSERT INTO alarms(name, function, spec, state, reason, updated) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET spec = excluded.spec", alarm.name(), function, SettingsJson.asString(SpecJson.alarm(alarm)),
                    AlarmState.INSUFFICIENT_DATA, INITIAL_REASON, now);
        });
    }

    @Override
    public void deleteAlarm(String function, String name) {
        db.write(c -> {
            requireDeleted(Sql.execute(c, "DELETE FROM alarms WHERE name = ? AND function = ?", name, function),
                    "Alarm " + name + " of function " + function);
            return Sql.execute(c, "DELETE FROM alarm_history WHERE alarm = ?", name);
        });
    }

    @Override
    public List<AlarmTransition> alarmHistory(String function, String alarm) {
        return db.read(c -> Sql.query(c, rs -> new AlarmTransition(alarm, rs.getString(1), rs.getString(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))), "SELECT from_state, to_state, reason, at FROM alarm_history"
                + " WHERE alarm = ? AND function = ? ORDER BY at DESC, id DESC", alarm, function));
    }

    /**
     * Moves the alarm to {@code state} with {@code reason} and records the transition, only if it is still
     * in {@code expected} (a concurrent evaluator that got there first wins). The same state only renews the reason.
     */
    public boolean transition(String name, String expected, String state, String reason, Instant at) {
        return transition(name, expected, state, reason, reason, at);
    }

    /** As above, with the history's own wording of the change ({@code historyReason}: the reason, and what actions did). */
    public boolean transition(String name, String expected, String state, String reason, String historyReason, Instant at) {
        return db.write(c -> {
            int changed = Sql.execute(c, "UPDATE alarms SET state = ?, reason = ?, updated = ? WHERE name = ? AND state = ?",
                    state, reason, at.toEpochMilli(), name, expected);
            if (changed == 1 && !expected.equals(state)) {
                Sql.execute(c, "INSERT INTO alarm_history(function, alarm, from_state, to_state, reason, at)"
                        + " SELECT function, name, ?, ?, ?, ? FROM alarms WHERE name = ?", expected, state, historyReason,
                        at.toEpochMilli(), name);
            }
            return changed == 1;
        });
    }

    // --- helpers ------------------------------------------------------------------------------------

    private Instant now() {
        return clock.instant();
    }

    private Optional<ScheduleRow> scheduleRow(Connection c, String name) throws SQLException {
        return Sql.query(c, rs -> new ScheduleRow(rs.getString(1), SpecJson.schedule(SettingsJson.asMap(rs.getString(2))),
                Instant.ofEpochMilli(rs.getLong(3)), Optional.empty()),
                "SELECT function, spec, created FROM schedules WHERE name = ?", name).stream().findFirst();
    }

    /** When it fires is the expression and zone; payload and enabled change what or whether, not when. */
    private static boolean sameTiming(ScheduleSpec a, ScheduleSpec b) {
        return a.expression().equals(b.expression()) && a.timezone().equals(b.timezone());
    }

    /** The name's owner: empty when the name is free, else this function (another's is a conflict). */
    private static Optional<String> ownedBy(Connection c, String table, String what, String name, String function)
            throws SQLException {
        Optional<String> owner = Sql.query(c, rs -> rs.getString(1), "SELECT function FROM " + table + " WHERE name = ?", name)
                .stream().findFirst();
        if (owner.isPresent() && !owner.get().equals(function)) {
            throw new ResourceConflictException(what + " " + name + " belongs to function " + owner.get() + "; " + what.toLowerCase()
                    + " names are unique in the account, so give this one another name.");
        }
        return owner;
    }

    private void requireFunction(Connection c, String function) throws SQLException {
        if (Sql.query(c, rs -> 1, "SELECT 1 FROM functions WHERE name = ?", function).isEmpty()) {
            throw ResourceNotFoundException.function(function);
        }
    }

    private static int requireDeleted(int rows, String what) {
        if (rows == 0) {
            throw new ResourceNotFoundException(what + " does not exist.");
        }
        return rows;
    }

    private static void checkPayload(String name, String payload) {
        if (payload.length() > MAX_PAYLOAD) {
            throw new InvalidParameterException("The payload of schedule " + name + " is over 256 KB, the most an Event"
                    + " invocation carries.");
        }
        try {
            JSON.std.anyFrom(payload);
        } catch (IOException e) {
            throw new InvalidParameterException("The payload of schedule " + name + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse("") + ".");
        }
    }
}
