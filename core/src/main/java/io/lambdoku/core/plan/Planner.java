package io.lambdoku.core.plan;

import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.infra.SpecJson;
import io.lambdoku.core.deploy.DeployPlan;
import io.lambdoku.core.deploy.Deployer;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.RoleState;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The observe step and the diff: reads what the backend holds for a function (read-only), then lists
 * each resource's change in the order apply makes them: role, function, concurrency, aliases,
 * schedules, alarms. Schedules and alarms are read only of the kinds the manifest declares or the
 * function's {@link ManagedTag} names, so a function with none costs no call to where they live.
 */
final class Planner {

    /** What a role to be created is called in settings until IAM gives it its ARN (the local backend's ARN). */
    static String pendingRoleArn(String name) {
        return "arn:aws:iam::000000000000:role/" + name;
    }

    private final LambdaApi api;
    private final Infra infra;
    private final Deployer deployer;
    private final Events events;
    private final Engine.Options options;

    Planner(LambdaApi api, Infra infra, Deployer deployer, Events events, Engine.Options options) {
        this.api = api;
        this.infra = infra;
        this.deployer = deployer;
        this.events = events;
        this.options = options;
    }

    FunctionPlan plan(Target t) {
        events.step(t.function(), "plan");
        checkSize(t);
        Observation o = observe(t);
        return new FunctionPlan(t, observed(t, o), changes(t, o), Optional.of(o));
    }

    private void checkSize(Target t) {
        // an S3 package is never uploaded: Lambda reads it from its bucket, where its own limits apply
        if (t.s3().isEmpty() && t.code().size() > LambdaLimits.MAX_ZIP_BYTES && !options.largePackagesThroughS3()) {
            throw new InvalidParameterException("The package of " + t.function() + " is " + t.code().size() / (1024 * 1024)
                    + " MB zipped, over Lambda's 50 MB for a direct upload; deploy with the aws backend and an artifact"
                    + " bucket (lambdoku setup) so it goes through S3, or exclude files in lambdoku.json.");
        }
    }

    private Observation observe(Target t) {
        String fn = t.function();
        FunctionInfra want = t.manifest().infra();
        checkSchedules(t);
        Optional<RoleState> role = want.role().flatMap(r -> infra.role(r.name()));
        Manifest manifest = want.role().isPresent()
                ? t.manifest().withRole(role.map(RoleState::arn).orElse(pendingRoleArn(want.role().get().name())))
                : t.manifest();
        DeployPlan function = deployer.plan(manifest, t.code(), Optional.empty());
        Map<String, Optional<Alias>> aliases = new LinkedHashMap<>();
        want.aliases().keySet().forEach(a -> aliases.put(a, function.creates() ? Optional.empty() : alias(fn, a)));
        Optional<Integer> concurrency = want.reservedConcurrency().isPresent() && !function.creates()
                ? api.reservedConcurrency(fn) : Optional.empty();
        // a zip deployed as it is manages nothing around the function; a new function has no tag yet
        Set<String> managed = t.managesInfra() && !function.creates()
                ? ManagedTag.read(api.listTags(fn)) : Set.of();
        Set<String> listed = t.managesInfra()
                ? ManagedTag.union(ManagedTag.declared(want), managed) : Set.of();
        List<ScheduleSpec> schedules = listed.contains(ManagedTag.SCHEDULES) ? infra.schedules(fn) : List.of();
        List<AlarmSpec> alarms = listed.contains(ManagedTag.ALARMS)
                ? infra.alarms(fn).stream().map(AlarmState::spec).toList() : List.of();
        return new Observation(function, aliases, role, concurrency, schedules, alarms, listed, managed);
    }

    /** Schedules the backend cannot run are refused now, before anything is read or written, naming the file. */
    private void checkSchedules(Target t) {
        for (ScheduleSpec s : t.manifest().infra().schedules()) {
            try {
                infra.checkSchedule(t.function(), s);
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException(t.manifest().dir().resolve(Manifest.FILE) + ": " + e.getMessage());
            }
        }
    }

    private Optional<Alias> alias(String function, String name) {
        try {
            return Optional.of(api.getAlias(function, name));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Per resource, what apply must find again: a RevisionId where the backend has one, else a fingerprint. */
    static Map<String, String> observed(Target t, Observation o) {
        String fn = t.function();
        Map<String, String> m = new LinkedHashMap<>();
        t.s3().ifPresent(p -> m.put(packageResource(p), packageObserved(p)));
        m.put("function " + fn, o.function().current().map(c -> "RevisionId " + c.revisionId()).orElse("absent"));
        o.aliases().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> m.put("alias " + e.getKey()
                + " of " + fn, e.getValue().map(a -> "RevisionId " + a.revisionId()).orElse("absent")));
        t.manifest().infra().role().ifPresent(r -> m.put("role " + r.name(), o.role()
                .map(s -> Fingerprint.of(List.of(s.arn(), SpecJson.role(s.spec())))).orElse("absent")));
        if (t.manifest().infra().reservedConcurrency().isPresent()) {
            m.put("reserved concurrency of " + fn, o.concurrency().map(String::valueOf).orElse("none"));
        }
        if (o.listsSchedules()) {
            m.put("schedules of " + fn, o.schedules().isEmpty() ? "none"
                    : Fingerprint.of(sortedBy(o.schedules(), ScheduleSpec::name).stream().map(SpecJson::schedule).toList()));
        }
        if (o.listsAlarms()) {
            m.put("alarms of " + fn, o.alarms().isEmpty() ? "none"
                    : Fingerprint.of(sortedBy(o.alarms(), AlarmSpec::name).stream().map(SpecJson::alarm).toList()));
        }
        return m;
    }

    /** An S3 package is observed by its ETag: another object at the key (or version) is another package. */
    static String packageResource(ResolvedPackage p) {
        return "package " + p.requested().uri();
    }

    static String packageObserved(ResolvedPackage p) {
        return "ETag " + p.eTag().replace("\"", "");
    }

    private static <T> List<T> sortedBy(List<T> items, java.util.function.Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }

    static List<ResourceChange> changes(Target t, Observation o) {
        List<ResourceChange> out = new ArrayList<>();
        FunctionInfra want = t.manifest().infra();
        want.role().ifPresent(r -> InfraLines.role(r, o.role()).ifPresent(out::add));
        out.addAll(functionLines(o.function(), want.role().filter(r -> o.role().isEmpty())));
        want.reservedConcurrency().ifPresent(n -> InfraLines.concurrency(t.function(), n, o.concurrency()).ifPresent(out::add));
        want.aliases().forEach((name, version) -> InfraLines.alias(t, o, name, version).ifPresent(out::add));
        if (o.listsSchedules()) {
            out.addAll(InfraLines.schedules(want.schedules(), o.schedules()));
        }
        if (o.listsAlarms()) {
            out.addAll(InfraLines.alarms(want.alarms(), o.alarms()));
        }
        return out;
    }

    /** The function's own lines, as deploy has always printed them; a role still to be created is named so. */
    private static List<ResourceChange> functionLines(DeployPlan p, Optional<RoleSpec> newRole) {
        String resource = "function " + p.function();
        List<ResourceChange> out = new ArrayList<>();
        for (String line : p.describe()) {
            String text = newRole.map(r -> line.replace(pendingRoleArn(r.name()), "(new role " + r.name() + ")")).orElse(line);
            ResourceChange.Action action = ResourceChange.Action.ofMarker(text.substring(0, 1));
            out.add(new ResourceChange(action, resource, text));
        }
        return out;
    }
}
