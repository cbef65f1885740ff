package io.lambdoku.cli.app;

import io.lambdoku.cli.AppFile;
import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.FunctionConfig;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "init", description = "Write .lambdoku here so commands in this folder act on NAME without -a.")
public final class InitCommand extends BaseCommand {

    @Parameters(paramLabel = "NAME|ARN")
    String app;

    public InitCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        io.lambdoku.core.lambda.FunctionRef ref = io.lambdoku.core.lambda.FunctionRef.parse(app);
        session.api().getFunction(ref.name(), ref.qualifierOrLatest()); // a qualified app reads that version
        Optional<String> backend = global.backend == null ? Optional.empty() : Optional.of(session.backendName());
        new AppFile(app, backend).write(session.launch().cwd());
        if (session.output().json()) {
            session.output().json(Map.of("app", app, "backend", session.backendName()));
        } else {
            session.output().line("Wrote " + AppFile.NAME + ": commands here act on " + app + ".");
        }
        return ExitCodes.OK;
    }
}
