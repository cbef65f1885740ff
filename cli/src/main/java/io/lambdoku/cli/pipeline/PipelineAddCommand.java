package io.lambdoku.cli.pipeline;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.pipeline.Pipeline;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pipeline:add", description = "Add a downstream function that pipeline:promote copies code to.")
public final class PipelineAddCommand extends AppCommand {

    @Parameters(paramLabel = "DOWNSTREAM")
    String downstream;

    public PipelineAddCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("pipeline:add");
    }

    @Override
    protected int runFor(Session session, String function) {
        String target = Session.functionName(downstream);
        PipelineView.print(session, function, new Pipeline(session.api(), session.events()).add(function, target));
        return ExitCodes.OK;
    }
}
