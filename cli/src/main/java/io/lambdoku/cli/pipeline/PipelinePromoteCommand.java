package io.lambdoku.cli.pipeline;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Errors;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.cli.release.ReleaseNumber;
import io.lambdoku.core.pipeline.Pipeline;
import io.lambdoku.core.pipeline.PromotionPlan;
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

    @Option(names = "--dry-run", description = "Show what would change in each downstream, and change nothing.")
    boolean dryRun;

    public PipelinePromoteCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        Optional<Integer> version = ReleaseNumber.parse(release);
        if (dryRun) {
            return printPlan(session, new Pipeline(session.api(), session.events()).plan(function, version));
        }
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

    private static int printPlan(Session session, PromotionPlan plan) {
        if (session.output().json()) {
            List<Map<String, Object>> steps = new ArrayList<>();
            for (PromotionPlan.Step step : plan.steps()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("function", step.downstream());
                m.put("changes", step.changes());
                step.current().ifPresent(r -> m.put("currentVersion", Integer.toString(r.version())));
                steps.add(m);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("upstream", plan.upstream());
            json.put("version", Integer.toString(plan.release().version()));
            json.put("codeSha256", plan.release().codeSha256());
            json.put("downstreams", steps);
            session.output().json(json);
        } else {
            session.output().line("Dry run: promoting " + plan.upstream() + " " + plan.release().label() + " would change:");
            plan.lines().forEach(line -> session.output().line("  " + line));
        }
        return ExitCodes.OK;
    }
}
