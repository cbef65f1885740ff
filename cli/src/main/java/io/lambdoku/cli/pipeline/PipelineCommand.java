package io.lambdoku.cli.pipeline;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.pipeline.Pipeline;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "pipeline", description = "List the downstreams a function promotes to.")
public final class PipelineCommand extends AppCommand {

    public PipelineCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        List<String> downstreams = new Pipeline(session.api(), session.events()).downstreams(function);
        PipelineView.print(session, function, downstreams);
        return ExitCodes.OK;
    }
}
