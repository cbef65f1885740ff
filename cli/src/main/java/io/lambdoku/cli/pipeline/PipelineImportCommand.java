package io.lambdoku.cli.pipeline;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.pipeline.PipelineImport;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "pipeline:import",
        description = "Move the original lambdoku's DOWNSTREAM_LAMBDAS config var into the pipeline, in one release.")
public final class PipelineImportCommand extends AppCommand {

    public PipelineImportCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("pipeline:import");
    }

    @Override
    protected int runFor(Session session, String function) {
        PipelineImport.Imported imported = new PipelineImport(session.api(), session.events()).run(function);
        if (session.output().json()) {
            Map<String, Object> json = OutcomeView.toJson(imported.outcome());
            json.put("downstreams", imported.downstreams());
            session.output().json(json);
            return ExitCodes.OK;
        }
        OutcomeView.print(session.output(), imported.outcome());
        PipelineView.print(session, function, imported.downstreams());
        return ExitCodes.OK;
    }
}
