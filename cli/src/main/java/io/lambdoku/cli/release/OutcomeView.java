package io.lambdoku.cli.release;

import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Output;
import io.lambdoku.core.release.Recovered;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** How every release-making command reports its outcome. */
public final class OutcomeView {

    private OutcomeView() {
    }

    public static int print(Output output, ReleaseOutcome outcome) {
        if (output.json()) {
            output.json(toJson(outcome));
            return ExitCodes.OK;
        }
        outcome.recovered().ifPresent(r -> output.line(r.sentence()));
        if (outcome.release().isPresent()) {
            Release r = outcome.release().get();
            output.line("Released " + r.label() + " of " + outcome.function() + ": " + r.description());
        } else {
            output.line(outcome.message() + (outcome.recovered().isPresent() ? " No other release made." : " No release made."));
        }
        return ExitCodes.OK;
    }

    public static Map<String, Object> toJson(ReleaseOutcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", outcome.function());
        m.put("changed", outcome.changed());
        outcome.release().ifPresentOrElse(r -> {
            m.put("version", Integer.toString(r.version()));
            m.put("description", r.description());
        }, () -> m.put("message", outcome.message()));
        outcome.recovered().ifPresent(r -> m.put("recovered", toJson(r)));
        return m;
    }

    /** {"version","description","found"}: the interrupted change released before this one. */
    public static Map<String, Object> toJson(Recovered recovered) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Integer.toString(recovered.release().version()));
        m.put("description", recovered.release().description());
        m.put("found", recovered.found());
        return m;
    }
}
