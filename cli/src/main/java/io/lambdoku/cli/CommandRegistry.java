package io.lambdoku.cli;

import io.lambdoku.cli.alias.AliasDeleteCommand;
import io.lambdoku.cli.alias.AliasPromoteCommand;
import io.lambdoku.cli.alias.AliasSetCommand;
import io.lambdoku.cli.alias.AliasesCommand;
import io.lambdoku.cli.app.AppsCommand;
import io.lambdoku.cli.app.AppsDestroyCommand;
import io.lambdoku.cli.app.AppsInfoCommand;
import io.lambdoku.cli.app.AppsUpdateCommand;
import io.lambdoku.cli.app.CreateCommand;
import io.lambdoku.cli.app.InitCommand;
import io.lambdoku.cli.app.PushCommand;
import io.lambdoku.cli.aws.SetupCommand;
import io.lambdoku.cli.config.ConfigCommand;
import io.lambdoku.cli.dashboard.DashboardCommand;
import io.lambdoku.cli.config.ConfigGetCommand;
import io.lambdoku.cli.config.ConfigKeyCommand;
import io.lambdoku.cli.config.ConfigRekeyCommand;
import io.lambdoku.cli.config.ConfigSealCommand;
import io.lambdoku.cli.config.ConfigUnsealCommand;
import io.lambdoku.cli.config.ConfigSetCommand;
import io.lambdoku.cli.config.ConfigUnsetCommand;
import io.lambdoku.cli.deploy.ApplyCommand;
import io.lambdoku.cli.deploy.BuildCommand;
import io.lambdoku.cli.deploy.DeployCommand;
import io.lambdoku.cli.deploy.DiffCommand;
import io.lambdoku.cli.formation.FormationCommand;
import io.lambdoku.cli.formation.FormationDeleteCommand;
import io.lambdoku.cli.formation.FormationSetCommand;
import io.lambdoku.cli.infra.AlarmsCommand;
import io.lambdoku.cli.infra.SchedulesCommand;
import io.lambdoku.cli.deploy.PlanCommand;
import io.lambdoku.cli.invoke.InvokeCommand;
import io.lambdoku.cli.invoke.LogsCommand;
import io.lambdoku.cli.invoke.LogsRetentionCommand;
import io.lambdoku.cli.invoke.MetricsCommand;
import io.lambdoku.cli.local.GcCommand;
import io.lambdoku.cli.lock.ActivityCommand;
import io.lambdoku.cli.lock.LockBreakCommand;
import io.lambdoku.cli.lock.LockCommand;
import io.lambdoku.cli.local.LocalServeCommand;
import io.lambdoku.cli.pipeline.PipelineAddCommand;
import io.lambdoku.cli.reactor.ReactorCommand;
import io.lambdoku.cli.pipeline.PipelineCommand;
import io.lambdoku.cli.pipeline.PipelineImportCommand;
import io.lambdoku.cli.pipeline.PipelinePromoteCommand;
import io.lambdoku.cli.pipeline.PipelineRemoveCommand;
import io.lambdoku.cli.release.ReleasesCommand;
import io.lambdoku.cli.release.ReleasesInfoCommand;
import io.lambdoku.cli.release.ReleasesPruneCommand;
import io.lambdoku.cli.release.RollbackCommand;
import io.lambdoku.cli.rollout.RolloutAbortCommand;
import io.lambdoku.cli.rollout.RolloutCommand;
import io.lambdoku.cli.rollout.RolloutPromoteCommand;
import io.lambdoku.cli.rollout.RolloutResumeCommand;
import io.lambdoku.cli.rollout.RolloutStartCommand;
import io.lambdoku.cli.rollout.RolloutsCommand;
import io.lambdoku.cli.url.UrlCommand;
import io.lambdoku.cli.url.UrlCreateCommand;
import io.lambdoku.cli.url.UrlDeleteCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every command by name, as constructors. Only the command a user runs is instantiated and reflected
 * by picocli; building the whole annotated tree on every call would cost startup time (design.md §7).
 */
final class CommandRegistry {

    private CommandRegistry() {
    }

    static Map<String, Function<Launch, Object>> commands() {
        Map<String, Function<Launch, Object>> m = new LinkedHashMap<>();
        m.put("create", CreateCommand::new);
        m.put("apps", AppsCommand::new);
        m.put("apps:info", AppsInfoCommand::new);
        m.put("apps:update", AppsUpdateCommand::new);
        m.put("apps:destroy", AppsDestroyCommand::new);
        m.put("init", InitCommand::new);
        m.put("push", PushCommand::new);
        m.put("config", ConfigCommand::new);
        m.put("config:get", ConfigGetCommand::new);
        m.put("config:set", ConfigSetCommand::new);
        m.put("config:unset", ConfigUnsetCommand::new);
        m.put("config:seal", ConfigSealCommand::new);
        m.put("config:unseal", ConfigUnsealCommand::new);
        m.put("config:rekey", ConfigRekeyCommand::new);
        m.put("config:key", ConfigKeyCommand::new);
        m.put("releases", ReleasesCommand::new);
        m.put("releases:info", ReleasesInfoCommand::new);
        m.put("rollback", RollbackCommand::new);
        m.put("pipeline", PipelineCommand::new);
        m.put("pipeline:add", PipelineAddCommand::new);
        m.put("pipeline:remove", PipelineRemoveCommand::new);
        m.put("pipeline:promote", PipelinePromoteCommand::new);
        m.put("pipeline:import", PipelineImportCommand::new);
        m.put("build", BuildCommand::new);
        m.put("deploy", DeployCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("apply", ApplyCommand::new);
        m.put("aliases", AliasesCommand::new);
        m.put("alias:set", AliasSetCommand::new);
        m.put("alias:delete", AliasDeleteCommand::new);
        m.put("alias:promote", AliasPromoteCommand::new);
        m.put("releases:prune", ReleasesPruneCommand::new);
        m.put("invoke", InvokeCommand::new);
        m.put("logs", LogsCommand::new);
        m.put("logs:retention", LogsRetentionCommand::new);
        m.put("metrics", MetricsCommand::new);
        m.put("schedules", SchedulesCommand::new);
        m.put("alarms", AlarmsCommand::new);
        m.put("setup", SetupCommand::new);
        m.put("local:serve", LocalServeCommand::new);
        m.put("gc", GcCommand::new);
        m.put("lock", LockCommand::new);
        m.put("lock:break", LockBreakCommand::new);
        m.put("activity", ActivityCommand::new);
        m.put("rollout", RolloutCommand::new);
        m.put("rollout:start", RolloutStartCommand::new);
        m.put("rollout:promote", RolloutPromoteCommand::new);
        m.put("rollout:abort", RolloutAbortCommand::new);
        m.put("rollout:resume", RolloutResumeCommand::new);
        m.put("rollouts", RolloutsCommand::new);
        m.put("formation", FormationCommand::new);
        m.put("formation:set", FormationSetCommand::new);
        m.put("formation:delete", FormationDeleteCommand::new);
        m.put("url", UrlCommand::new);
        m.put("url:create", UrlCreateCommand::new);
        m.put("url:delete", UrlDeleteCommand::new);
        m.put("reactor", ReactorCommand::new);
        m.put("dashboard", DashboardCommand::new);
        return m;
    }
}
