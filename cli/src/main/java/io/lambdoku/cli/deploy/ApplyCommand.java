package io.lambdoku.cli.deploy;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.plan.Engine;
import io.lambdoku.core.plan.Plan;
import io.lambdoku.core.plan.PlanFile;
import io.lambdoku.core.plan.Targets;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", description = {
    "apply FILE: make exactly the changes a saved plan lists, each only if what it changes is still as the",
    "plan observed it; if anything changed since, nothing is applied. apply DIR: plan, show, ask, apply."})
public final class ApplyCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE|DIR", arity = "0..1", description = "A plan saved by 'lambdoku plan -o', or a function folder (default: here).")
    String target;

    @Option(names = {"-y", "--yes"}, description = "Apply a folder's plan without asking (for CI).")
    boolean yes;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Added to the release description (apply DIR).")
    String message;

    @Mixin
    VarOptions vars = new VarOptions();

    public ApplyCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        String given = target == null ? "." : target;
        Path path = launch.cwd().resolve(given).normalize();
        if (Files.isRegularFile(path)) {
            return applyFile(session, path);
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException("No plan file or folder " + given + "; save a plan with 'lambdoku plan -o FILE'.");
        }
        if (!yes && (System.console() == null || launch.in() != System.in)) {
            throw new UsageException("'apply " + given + "' asks before it changes anything and there is no terminal to ask on;"
                    + " pass --yes, or save a plan with 'lambdoku plan -o FILE' and run 'lambdoku apply FILE'.");
        }
        Engine engine = Engines.of(session);
        Targets.Request request = new Targets.Request(Optional.empty(), Optional.empty(), Optional.ofNullable(message),
                vars.values(launch.cwd()), PackageSpec.epochFrom(launch.env()));
        Plan plan = engine.plan(Folders.targets(path, given, new Targets(session.events()), request, session.output().err()));
        if (!session.output().json()) {
            PlanView.show(session.output(), plan);
        }
        if (!plan.changed()) {
            if (!session.output().json()) {
                session.output().line("Nothing to apply.");
            } else {
                PlanView.applied(session.output(), plan, engine.apply(plan));
            }
            return ExitCodes.OK;
        }
        if (!yes && !confirmed()) {
            session.output().error("Apply cancelled; nothing was changed.");
            return ExitCodes.FAILURE;
        }
        PlanView.applied(session.output(), plan, engine.apply(plan));
        return ExitCodes.OK;
    }

    private int applyFile(Session session, Path file) {
        PlanFile.Saved saved = PlanFile.read(file);
        if (!saved.backend().equals(session.backendName())) {
            throw new UsageException(target + " was planned against the " + saved.backend() + " backend, not "
                    + session.backendName() + "; apply it with --backend " + saved.backend() + ".");
        }
        if (!session.output().json()) {
            saved.plan().lines().forEach(session.output()::line);
        }
        PlanView.applied(session.output(), saved.plan(), Engines.of(session).apply(saved.plan()));
        return ExitCodes.OK;
    }

    private static boolean confirmed() {
        Console console = System.console();
        String answer = console.readLine("Apply these changes? Only 'yes' applies: ");
        return answer != null && answer.strip().equals("yes");
    }
}
