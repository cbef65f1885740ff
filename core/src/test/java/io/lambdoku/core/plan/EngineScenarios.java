package io.lambdoku.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.FunctionInfra;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.ScheduleSpec;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lock.Guard;
import io.lambdoku.core.release.ReleaseLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The deploy engine as front ends use it: plan, apply exactly or not at all, deploy in one step; written
 * once against the ports and run against a backend by a subclass supplying {@link #api()} and {@link #infra()}.
 */
public abstract class EngineScenarios {

    protected abstract LambdaApi api();

    protected abstract Infra infra();

    protected String role() {
        return "arn:aws:iam::000000000000:role/lambdoku-test";
    }

    private Engine engine() {
        return new Engine(api(), infra(), Guard.NONE, Events.NONE,
                new Engine.Options(Optional.of(role()), false));
    }

    @Test
    void aPlanAppliedMakesItsChangesAndThenNothingIsPending() {
        Plan plan = engine().plan(List.of(target(manifest("shop", 128, FunctionInfra.NONE), "one")));
        assertThat(plan.summary()).isEqualTo("Plan: 1 to add, 0 to change, 0 to destroy.");

        List<Applied> applied = engine().apply(plan);

        assertThat(applied.get(0).release()).get().satisfies(r -> assertThat(r.description()).startsWith("Deploy "));
        assertThat(engine().plan(List.of(target(manifest("shop", 128, FunctionInfra.NONE), "one"))).changed()).isFalse();
    }

    @Test
    void aPlanIsStaleWhenTheFunctionChangedSinceAndAppliesNothing() {
        engine().deploy(target(manifest("shop", 128, FunctionInfra.NONE), "one"));
        Plan plan = engine().plan(List.of(target(manifest("shop", 256, FunctionInfra.NONE), "two")));
        String revision = api().getFunction("shop", FunctionConfig.LATEST).revisionId();
        new ConfigVars(api(), Events.NONE).set("shop", Map.of("MODE", "fast"));
        String now = api().getFunction("shop", FunctionConfig.LATEST).revisionId();

        assertThatThrownBy(() -> engine().apply(plan)).isInstanceOf(StalePlanException.class)
                .hasMessage("Plan is stale: function shop changed since the plan (RevisionId " + brief(revision) + " → "
                        + brief(now) + "); run 'lambdoku plan' again.");
        assertThat(new ReleaseLog(api()).list("shop", 10)).hasSize(2);
        assertThat(api().getFunction("shop", FunctionConfig.LATEST).settings().memorySize()).isEqualTo(128);
    }

    @Test
    void aPlanSavedToAFileAppliesTheSameChanges(@org.junit.jupiter.api.io.TempDir Path dir) {
        Plan plan = engine().plan(List.of(target(manifest("shop", 128, infra(List.of(schedule("rate(5 minutes)")))), "one")));
        PlanFile.write(plan, "test", dir.resolve("p.plan"));

        PlanFile.Saved saved = PlanFile.read(dir.resolve("p.plan"));

        assertThat(saved.backend()).isEqualTo("test");
        assertThat(saved.plan().lines()).isEqualTo(plan.lines());
        engine().apply(saved.plan());
        assertThat(infra().schedules("shop")).extracting(ScheduleSpec::expression).containsExactly("rate(5 minutes)");
        assertThatThrownBy(() -> engine().apply(saved.plan())).isInstanceOf(StalePlanException.class)
                .hasMessageContaining("function shop changed since the plan (absent → RevisionId");
    }

    @Test
    void aRoleIsCreatedFirstAndTheFunctionRunsAsIt() {
        RoleSpec role = new RoleSpec("shop-role", "shop", List.of(Map.of("Effect", "Allow", "Action", "s3:GetObject",
                "Resource", "*")), List.of());
        FunctionInfra infra = new FunctionInfra(Optional.of(role), List.of(), List.of(), Optional.empty(), Map.of("live", "release"));
        Plan plan = engine().plan(List.of(target(manifest("shop", 128, infra), "one")));
        assertThat(plan.lines()).first().asString().startsWith("+ role shop-role");

        engine().apply(plan);

        String arn = infra().role("shop-role").orElseThrow().arn();
        assertThat(api().getFunction("shop", FunctionConfig.LATEST).settings().role()).isEqualTo(arn);
        assertThat(api().getAlias("shop", "live").functionVersion()).isEqualTo("1");
    }

    @Test
    void schedulesAndAlarmsGoneFromTheManifestAreDestroyedAndChangedOnesUpdated() {
        AlarmSpec errors = new AlarmSpec("shop-Errors", "Errors", "Sum", 1, null, 60, 1, List.of());
        engine().deploy(target(manifest("shop", 128, new FunctionInfra(Optional.empty(),
                List.of(schedule("rate(5 minutes)")), List.of(errors), Optional.empty(), Map.of())), "one"));

        FunctionPlan plan = engine().plan(target(manifest("shop", 128, infra(List.of(schedule("rate(1 hour)")))), "one"));

        assertThat(plan.lines()).contains("~ schedule shop-schedule-1  rate(5 minutes) -> rate(1 hour)",
                "- alarm shop-Errors  Errors Sum >= 1 for 1 x 60 s");
        engine().apply(new Plan(List.of(plan)));
        assertThat(infra().alarms("shop")).isEmpty();
        assertThat(infra().schedules("shop")).extracting(ScheduleSpec::expression).containsExactly("rate(1 hour)");
    }

    @Test
    void aFunctionWithNoSchedulesOrAlarmsIsPlannedAndDeployedWithoutListingThem() {
        Listings infra = new Listings(infra());
        Engine engine = new Engine(api(), infra, Guard.NONE, Events.NONE,
                new Engine.Options(Optional.of(role()), false));

        engine.deploy(target(manifest("shop", 128, FunctionInfra.NONE), "one"));
        engine.deploy(target(manifest("shop", 256, FunctionInfra.NONE), "two"));

        // on AWS each listing is EventBridge or CloudWatch calls (and permissions) a plain function never needs
        assertThat(infra.listed).isEmpty();
        assertThat(api().listTags("shop")).doesNotContainKey(ManagedTag.KEY);
    }

    @Test
    void theLastScheduleAndAlarmGoneFromTheManifestAreDestroyedAndThenNoLongerListed() {
        AlarmSpec errors = new AlarmSpec("shop-Errors", "Errors", "Sum", 1, null, 60, 1, List.of());
        engine().deploy(target(manifest("shop", 128, new FunctionInfra(Optional.empty(),
                List.of(schedule("rate(5 minutes)")), List.of(errors), Optional.empty(), Map.of())), "one"));
        assertThat(api().listTags("shop")).containsEntry(ManagedTag.KEY, "alarms schedules");

        FunctionPlan plan = engine().plan(target(manifest("shop", 128, FunctionInfra.NONE), "one"));
        assertThat(plan.lines()).containsExactly("= function shop  config unchanged, code unchanged",
                "- schedule shop-schedule-1  rate(5 minutes)", "- alarm shop-Errors  Errors Sum >= 1 for 1 x 60 s");
        engine().apply(new Plan(List.of(plan)));

        assertThat(infra().schedules("shop")).isEmpty();
        assertThat(infra().alarms("shop")).isEmpty();
        assertThat(api().listTags("shop")).doesNotContainKey(ManagedTag.KEY);
        Listings listings = new Listings(infra());
        new Engine(api(), listings, Guard.NONE, Events.NONE, new Engine.Options(Optional.of(role()), false))
                .plan(target(manifest("shop", 128, FunctionInfra.NONE), "one"));
        assertThat(listings.listed).isEmpty();
    }

    @Test
    void deployKeepsAConfigSetMadeSinceAndMakesOneRelease() {
        engine().deploy(target(manifest("shop", 128, FunctionInfra.NONE), "one"));
        new ConfigVars(api(), Events.NONE).set("shop", Map.of("MODE", "fast"));

        Applied applied = engine().deploy(target(manifest("shop", 256, FunctionInfra.NONE), "two"));

        assertThat(applied.version()).isEqualTo(3);
        assertThat(api().getFunction("shop", FunctionConfig.LATEST).settings().environment()).containsEntry("MODE", "fast");
    }

    /** The backend's own Infra, noting which functions' schedules and alarms were listed. */
    private static final class Listings implements Infra {

        private final Infra real;
        private final List<String> listed = new java.util.ArrayList<>();

        Listings(Infra real) {
            this.real = real;
        }

        @Override
        public Optional<io.lambdoku.core.infra.RoleState> role(String name) {
            return real.role(name);
        }

        @Override
        public io.lambdoku.core.infra.RoleState putRole(RoleSpec role) {
            return real.putRole(role);
        }

        @Override
        public void deleteRole(String name) {
            real.deleteRole(name);
        }

        @Override
        public List<ScheduleSpec> schedules(String function) {
            listed.add("schedules of " + function);
            return real.schedules(function);
        }

        @Override
        public void putSchedule(String function, ScheduleSpec schedule) {
            real.putSchedule(function, schedule);
        }

        @Override
        public void deleteSchedule(String function, String name) {
            real.deleteSchedule(function, name);
        }

        @Override
        public List<io.lambdoku.core.infra.AlarmState> alarms(String function) {
            listed.add("alarms of " + function);
            return real.alarms(function);
        }

        @Override
        public void putAlarm(String function, AlarmSpec alarm) {
            real.putAlarm(function, alarm);
        }

        @Override
        public void deleteAlarm(String function, String name) {
            real.deleteAlarm(function, name);
        }

        @Override
        public List<io.lambdoku.core.infra.AlarmTransition> alarmHistory(String function, String alarm) {
            return real.alarmHistory(function, alarm);
        }
    }

    private static String brief(String revision) {
        return revision.length() > 12 ? revision.substring(0, 8) + "…" : revision;
    }

    private static FunctionInfra infra(List<ScheduleSpec> schedules) {
        return new FunctionInfra(Optional.empty(), schedules, List.of(), Optional.empty(), Map.of());
    }

    private static ScheduleSpec schedule(String expression) {
        return new ScheduleSpec(ScheduleSpec.defaultName("shop", 1), expression, "UTC", Optional.empty(), true);
    }

    private Manifest manifest(String name, int memory, FunctionInfra infra) {
        return new Manifest(Path.of("."), name, "python3.12", "app.handler", memory, 3, infra.role().isPresent()
                ? Optional.empty() : Optional.of(role()), "x86_64", "", Map.of(), List.of(), List.of(), List.of(),
                Optional.empty(), List.of(), infra);
    }

    private static Target target(Manifest m, String answer) {
        CodeZip code = zip("def handler(event, context):\n    return '" + answer + "'\n");
        return new Target(m, code, "Deploy " + code.sha256Hex().substring(0, 8), true);
    }

    private static CodeZip zip(String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("app.py");
            entry.setTime(0);
            zip.putNextEntry(entry);
            zip.write(source.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeZip(bytes.toByteArray());
    }
}
