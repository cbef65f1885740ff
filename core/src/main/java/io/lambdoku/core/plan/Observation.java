package io.lambdoku.core.plan;

import io.lambdoku.core.deploy.DeployPlan;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.RoleState;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.Alias;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the backend held for one function when it was planned: the function (and its newest release, and
 * whether an interrupted change waits on $LATEST), the aliases, role and concurrency the manifest
 * manages, and every schedule and alarm of the function of the kinds that were {@code listed} (a manifest
 * manages all of a kind it lists, so one gone from it is destroyed). {@code managed}: the kinds the
 * function's {@link ManagedTag} named.
 */
record Observation(DeployPlan function, Map<String, Optional<Alias>> aliases, Optional<RoleState> role,
                   Optional<Integer> concurrency, List<ScheduleSpec> schedules, List<AlarmSpec> alarms,
                   Set<String> listed, Set<String> managed) {

    Observation {
        aliases = Map.copyOf(aliases);
        schedules = List.copyOf(schedules);
        alarms = List.copyOf(alarms);
        listed = Set.copyOf(listed);
        managed = Set.copyOf(managed);
    }

    boolean listsSchedules() {
        return listed.contains(ManagedTag.SCHEDULES);
    }

    boolean listsAlarms() {
        return listed.contains(ManagedTag.ALARMS);
    }
}
