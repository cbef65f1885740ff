package io.lambdoku.cli.deploy;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.plan.Plan;
import io.lambdoku.core.plan.PlanFile;
import io.lambdoku.core.plan.Target;
import io.lambdoku.core.plan.Targets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", description = {
    "What applying a function folder (or a folder of them) would change, resource by resource (role, function",
    "settings and code, reserved concurrency, aliases, schedules, alarms), changing nothing. -o saves the plan",
    "with its package, for 'lambdoku apply FILE' to carry out exactly, or not at all if anything changed since."})
public final class PlanCommand extends BaseCommand {

    @Parameters(paramLabel = "DIR|S3URL", arity = "0..1", description = {"Function folder or folder of functions (default: here),",
        "or s3://BUCKET/KEY[?versionId=V] with -a NAME (aws): that package for the existing function."})
    String dir;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Save the plan here for 'lambdoku apply FILE'.")
    Path out;

    @Option(names = "--package", paramLabel = "S3URL", description = {"With a function folder: its code is this object",
        "(s3://BUCKET/KEY[?versionId=V], aws), not a build of the folder."})
    String pkg;

    @Option(names = "--exit-code", description = "Exit 3 when changes are pending, 0 when none.")
    boolean exitCode;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Added to the release description.")
    String message;

    @Mixin
    VarOptions vars = new VarOptions();

    public PlanCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        String given = dir == null ? "." : dir;
        Targets.Request request = new Targets.Request(Optional.empty(), Optional.empty(), Optional.ofNullable(message),
                vars.values(launch.cwd()), PackageSpec.epochFrom(launch.env()));
        Path path = launch.cwd().resolve(given).normalize();
        List<Target> targets = S3Package.isS3(given) ? List.of(S3Target.of(session, given, global.apps, request))
                : pkg != null ? List.of(S3Target.folder(session, path, given, pkg, request))
                : Folders.targets(path, given, new Targets(session.events()), request, session.output().err());
        Plan plan = Engines.of(session).plan(targets);
        Path file = out == null ? null : launch.cwd().resolve(out);
        if (file != null) {
            PlanFile.write(plan, session.backendName(), file);
        }
        if (session.output().json()) {
            Map<String, Object> j = PlanView.json(plan);
            j.put("file", file == null ? null : file.toString());
            session.output().json(j);
        } else {
            PlanView.show(session.output(), plan);
            if (file != null) {
                session.output().line("Saved the plan to " + out + "; 'lambdoku apply " + out + "' makes exactly these changes.");
            }
        }
        return exitCode && plan.changed() ? ExitCodes.PENDING : ExitCodes.OK;
    }
}
