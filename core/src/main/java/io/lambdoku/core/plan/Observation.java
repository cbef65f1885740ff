package io.lambdoku.core.plan;

import io.lambdoku.core.deploy.DeployPlan;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.RoleState;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.Alias;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the backend held for one function when it was planned: the function (and its newest release, and
 * whether an interrupted change waits on $LATEST), the aliases, role and concurrency the manifest
 * manages, and every schedule and alarm of the function. {@code listsInfra}: schedules and alarms were
 * read (a manifest manages them all, so one gone from it is destroyed).
 */
record Observation(DeployPlan function, Map<String, Optional<Alias>> aliases, Optional<RoleState> role,
                   Optional<Integer> concurrency, List<ScheduleSpec> schedules, List<AlarmSpec> alarms,
                   boolean listsInfra) {

    Observation {
        aliases = Map.copyOf(aliases);
        schedules = List.copyOf(schedules);
        alarms = List.copyOf(alarms);
    }
}
