package io.lambdoku.cli.pipeline;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Errors;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.cli.release.ReleaseNumber;
import io.lambdoku.core.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pipeline:promote",
        description = "Copy the code of the newest release (or --release N) to every downstream; their config stays.")
public final class PipelinePromoteCommand extends AppCommand {

    @Option(names = "--release", paramLabel = "N", description = "Promote release N instead of the newest.")
    String release;

    public PipelinePromoteCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        Optional<Integer> version = ReleaseNumber.parse(release);
        List<Pipeline.Promotion> results = new Pipeline(session.api(), session.events(), session.guard()).promote(function, version);
        int worst = ExitCodes.OK;
        List<Map<String, Object>> json = new ArrayList<>();
        for (Pipeline.Promotion p : results) {
            if (p.failure().isPresent()) {
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("function", p.downstream());
                failed.put("error", p.failure().get().getMessage());
                json.add(failed);
                if (!session.output().json()) {
                    session.output().line(p.downstream() + ": failed");
                }
                worst = Math.max(worst, Errors.report(p.failure().get(), session.output(), global.debug));
            } else if (session.output().json()) {
                json.add(OutcomeView.toJson(p.outcome().get()));
            } else {
                OutcomeView.print(session.output(), p.outcome().get());
            }
        }
        if (session.output().json()) {
            session.output().json(json);
        }
        return worst;
    }
}
