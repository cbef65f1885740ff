package io.lambdoku.core.plan;

import io.lambdoku.core.alias.Aliases;
import io.lambdoku.core.deploy.DeployPlan;
import io.lambdoku.core.deploy.Deployer;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.release.Recovered;
import io.lambdoku.core.release.Release;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Carries out one function's live plan, step by step in a fixed order (role, function, concurrency,
 * aliases, schedules, alarms), each step writing only what the plan lists for it. {@code exactly}: the
 * writes are preconditioned on what the plan observed (RevisionIds of $LATEST and of aliases) and a lost
 * race stops the apply as stale; otherwise (deploy) a lost race is re-read and re-applied.
 */
final class Executor {

    private final LambdaApi api;
    private final Infra infra;
    private final Deployer deployer;
    private final Aliases aliases;
    private final Events events;

    Executor(LambdaApi api, Infra infra, Deployer deployer, Events events) {
        this.api = api;
        this.infra = infra;
        this.deployer = deployer;
        this.aliases = new Aliases(api, events);
        this.events = events;
    }

    Applied apply(FunctionPlan plan, boolean exactly) {
        try {
            return steps(plan, exactly);
        } catch (PreconditionFailedException | ResourceConflictException raced) {
            if (!exactly) {
                throw raced;
            }
            throw new StalePlanException("Plan is stale: " + plan.function() + " changed while the plan was applied ("
                    + raced.getMessage().replaceAll("\\.$", "") + "); what was applied before is kept; run 'lambdoku plan' again.");
        }
    }

    private Applied steps(FunctionPlan plan, boolean exactly) {
        Observation o = plan.live().orElseThrow();
        Target t = plan.target();
        String fn = t.function();
        FunctionInfra want = t.manifest().infra();
        Set<String> changing = plan.changes().stream().filter(ResourceChange::changes).map(ResourceChange::resource)
                .collect(Collectors.toSet());
        DeployPlan function = o.function();
        if (want.role().isPresent()) {
            function = function.withRole(role(fn, want.role().get(), o, changing));
        }
        Optional<Release> release = Optional.empty();
        Optional<Recovered> recovered = Optional.empty();
        int version = function.newestRelease().orElse(0);
        if (function.releases()) {
            events.step(fn, function.creates() ? "create" : function.pending().isPresent() && !function.codeChanged()
                    && !function.configChanged() ? "recover" : "release");
            Deployer.Result r = deployer.deploy(function, t.release(), exactly);
            release = r.release();
            recovered = r.recovered();
            version = r.version();
        }
        if (want.reservedConcurrency().isPresent() && changing.contains("reserved concurrency " + fn)) {
            events.step(fn, "concurrency");
            api.putReservedConcurrency(fn, want.reservedConcurrency());
        }
        Map<String, String> pointed = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : want.aliases().entrySet()) {
            String to = a.getValue().equals("release") ? String.valueOf(version) : a.getValue();
            if (changing.contains("alias " + a.getKey())) {
                events.step(fn, "alias " + a.getKey());
                alias(fn, a.getKey(), to, o.aliases().get(a.getKey()), exactly);
                pointed.put(a.getKey(), to);
            }
        }
        if (t.managesInfra() && !o.listed().isEmpty()) {
            around(fn, want, o, changing);
        }
        return new Applied(plan, version, release, recovered, pointed);
    }

    private String role(String fn, RoleSpec spec, Observation o, Set<String> changing) {
        if (!changing.contains("role " + spec.name())) {
            return o.role().orElseThrow().arn();
        }
        events.step(fn, "role");
        return infra.putRole(spec).arn();
    }

    private void alias(String fn, String name, String version, Optional<Alias> observed, boolean exactly) {
        if (!exactly) {
            aliases.point(fn, name, version);
            return;
        }
        AliasSpec spec = new AliasSpec(name, version, Optional.empty(), observed.map(Alias::description).orElse(""));
        if (observed == null || observed.isEmpty()) {
            api.createAlias(fn, spec); // a ResourceConflict if it was created since the plan
        } else {
            api.updateAlias(fn, spec, Optional.of(observed.get().revisionId()));
        }
    }

    /**
     * Schedules and alarms, between a widening and a narrowing of the function's {@link ManagedTag}: what is
     * created is recorded first, and a kind is forgotten only once its last one is deleted. Tagging gives
     * $LATEST a new RevisionId, so it comes after every write preconditioned on the observed one.
     */
    private void around(String fn, FunctionInfra want, Observation o, Set<String> changing) {
        Set<String> declared = ManagedTag.declared(want);
        Set<String> during = ManagedTag.union(o.managed(), declared);
        if (!during.equals(o.managed())) {
            events.step(fn, "tag " + ManagedTag.KEY);
            ManagedTag.write(api, fn, during);
        }
        if (o.listsSchedules()) {
            sync(fn, changing, "schedule", want.schedules(), o.schedules(), ScheduleSpec::name, infra::putSchedule,
                    infra::deleteSchedule);
        }
        if (o.listsAlarms()) {
            sync(fn, changing, "alarm", want.alarms(), o.alarms(), AlarmSpec::name, infra::putAlarm, infra::deleteAlarm);
        }
        if (!declared.equals(during)) {
            events.step(fn, "tag " + ManagedTag.KEY);
            ManagedTag.write(api, fn, declared);
        }
    }

    /**
     * One kind of named things around the function (schedules, alarms): puts each wanted one the plan changes
     * ({@code "<kind> <name>"}), then deletes each observed one no longer wanted.
     */
    private <T> void sync(String fn, Set<String> changing, String kind, List<T> wanted, List<T> observed,
                          Function<T, String> name, BiConsumer<String, T> put, BiConsumer<String, String> delete) {
        for (T w : wanted) {
            if (changing.contains(kind + " " + name.apply(w))) {
                events.step(fn, kind + " " + name.apply(w));
                put.accept(fn, w);
            }
        }
        Set<String> names = wanted.stream().map(name).collect(Collectors.toSet());
        for (T o : observed) {
            if (!names.contains(name.apply(o))) {
                events.step(fn, "delete " + kind + " " + name.apply(o));
                delete.accept(fn, name.apply(o));
            }
        }
    }
}
