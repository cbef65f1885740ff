package io.lambdoku.cli.pipeline;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.pipeline.Pipeline;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pipeline:remove", description = "Remove a downstream function.")
public final class PipelineRemoveCommand extends AppCommand {

    @Parameters(paramLabel = "DOWNSTREAM")
    String downstream;

    public PipelineRemoveCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("pipeline:remove");
    }

    @Override
    protected int runFor(Session session, String function) {
        String target = Session.functionName(downstream);
        PipelineView.print(session, function, new Pipeline(session.api(), session.events()).remove(function, target));
        return ExitCodes.OK;
    }
}
