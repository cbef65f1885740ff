package io.lambdoku.core.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lambdoku.json declares around its function: a role to create, schedules, alarms, reserved
 * concurrency and aliases ({@code name -> "release"} for the release a deploy makes, or a version number).
 */
public record FunctionInfra(Optional<RoleSpec> role, List<ScheduleSpec> schedules, List<AlarmSpec> alarms,
                            Optional<Integer> reservedConcurrency, Map<String, String> aliases) {

    public static final FunctionInfra NONE = new FunctionInfra(Optional.empty(), List.of(), List.of(), Optional.empty(), Map.of());

    public FunctionInfra {
        schedules = List.copyOf(schedules);
        alarms = List.copyOf(alarms);
        aliases = Map.copyOf(aliases);
    }
}
