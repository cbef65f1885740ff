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
import java.util.List;

/**
 * Every command by name. Only the command a user runs is instantiated and given to picocli; building the
 * whole annotated tree on every call would cost startup time (design.md §7). A switch, not a map of
 * constructor references: each reference is a call site the JVM links on first use, ~0.2 ms apiece.
 */
final class CommandRegistry {

    /** In the order help lists them. */
    static final List<String> NAMES = List.of(
            "create", "apps", "apps:info", "apps:update", "apps:destroy", "init", "push", "config", "config:get",
            "config:set", "config:unset", "config:seal", "config:unseal", "config:rekey", "config:key", "releases",
            "releases:info", "rollback", "pipeline", "pipeline:add", "pipeline:remove", "pipeline:promote",
            "pipeline:import", "build", "deploy", "diff", "plan", "apply", "aliases", "alias:set", "alias:delete",
            "alias:promote", "releases:prune", "invoke", "logs", "logs:retention", "metrics", "schedules", "alarms",
            "setup", "local:serve", "gc", "lock", "lock:break", "activity", "rollout", "rollout:start",
            "rollout:promote", "rollout:abort", "rollout:resume", "rollouts", "formation", "formation:set",
            "formation:delete", "url", "url:create", "url:delete", "reactor", "dashboard", "completion");

    private CommandRegistry() {
    }

    /** A new instance of the command NAME for one run, or null when there is no such command. */
    static Object create(String name, Launch launch) {
        return switch (name) {
            case "create" -> new CreateCommand(launch);
            case "apps" -> new AppsCommand(launch);
            case "apps:info" -> new AppsInfoCommand(launch);
            case "apps:update" -> new AppsUpdateCommand(launch);
            case "apps:destroy" -> new AppsDestroyCommand(launch);
            case "init" -> new InitCommand(launch);
            case "push" -> new PushCommand(launch);
            case "config" -> new ConfigCommand(launch);
            case "config:get" -> new ConfigGetCommand(launch);
            case "config:set" -> new ConfigSetCommand(launch);
            case "config:unset" -> new ConfigUnsetCommand(launch);
            case "config:seal" -> new ConfigSealCommand(launch);
            case "config:unseal" -> new ConfigUnsealCommand(launch);
            case "config:rekey" -> new ConfigRekeyCommand(launch);
            case "config:key" -> new ConfigKeyCommand(launch);
            case "releases" -> new ReleasesCommand(launch);
            case "releases:info" -> new ReleasesInfoCommand(launch);
            case "rollback" -> new RollbackCommand(launch);
            case "pipeline" -> new PipelineCommand(launch);
            case "pipeline:add" -> new PipelineAddCommand(launch);
            case "pipeline:remove" -> new PipelineRemoveCommand(launch);
            case "pipeline:promote" -> new PipelinePromoteCommand(launch);
            case "pipeline:import" -> new PipelineImportCommand(launch);
            case "build" -> new BuildCommand(launch);
            case "deploy" -> new DeployCommand(launch);
            case "diff" -> new DiffCommand(launch);
            case "plan" -> new PlanCommand(launch);
            case "apply" -> new ApplyCommand(launch);
            case "aliases" -> new AliasesCommand(launch);
            case "alias:set" -> new AliasSetCommand(launch);
            case "alias:delete" -> new AliasDeleteCommand(launch);
            case "alias:promote" -> new AliasPromoteCommand(launch);
            case "releases:prune" -> new ReleasesPruneCommand(launch);
            case "invoke" -> new InvokeCommand(launch);
            case "logs" -> new LogsCommand(launch);
            case "logs:retention" -> new LogsRetentionCommand(launch);
            case "metrics" -> new MetricsCommand(launch);
            case "schedules" -> new SchedulesCommand(launch);
            case "alarms" -> new AlarmsCommand(launch);
            case "setup" -> new SetupCommand(launch);
            case "local:serve" -> new LocalServeCommand(launch);
            case "gc" -> new GcCommand(launch);
            case "lock" -> new LockCommand(launch);
            case "lock:break" -> new LockBreakCommand(launch);
            case "activity" -> new ActivityCommand(launch);
            case "rollout" -> new RolloutCommand(launch);
            case "rollout:start" -> new RolloutStartCommand(launch);
            case "rollout:promote" -> new RolloutPromoteCommand(launch);
            case "rollout:abort" -> new RolloutAbortCommand(launch);
            case "rollout:resume" -> new RolloutResumeCommand(launch);
            case "rollouts" -> new RolloutsCommand(launch);
            case "formation" -> new FormationCommand(launch);
            case "formation:set" -> new FormationSetCommand(launch);
            case "formation:delete" -> new FormationDeleteCommand(launch);
            case "url" -> new UrlCommand(launch);
            case "url:create" -> new UrlCreateCommand(launch);
            case "url:delete" -> new UrlDeleteCommand(launch);
            case "reactor" -> new ReactorCommand(launch);
            case "dashboard" -> new DashboardCommand(launch);
            case "completion" -> new CompletionCommand(launch);
            default -> null;
        };
    }
}
