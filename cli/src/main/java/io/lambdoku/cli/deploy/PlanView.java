package io.lambdoku.cli.deploy;

import io.lambdoku.cli.Output;
import io.lambdoku.core.plan.Applied;
import io.lambdoku.core.plan.FunctionPlan;
import io.lambdoku.core.plan.Plan;
import io.lambdoku.core.plan.ResourceChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How plan and apply show a plan and what applying it did. */
final class PlanView {

    private PlanView() {
    }

    static void show(Output out, Plan plan) {
        plan.lines().forEach(out::line);
        out.line(plan.summary());
    }

    static Map<String, Object> json(Plan plan) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("summary", plan.summary());
        j.put("add", plan.count(ResourceChange.Action.ADD));
        j.put("change", plan.count(ResourceChange.Action.CHANGE) + plan.count(ResourceChange.Action.RECOVER));
        j.put("destroy", plan.count(ResourceChange.Action.DESTROY));
        j.put("changed", plan.changed());
        j.put("functions", plan.functions().stream().map(PlanView::function).toList());
        return j;
    }

    private static Map<String, Object> function(FunctionPlan p) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("function", p.function());
        j.put("codeSha256", p.target().code().codeSha256());
        j.put("observed", p.observed());
        j.put("changes", p.changes().stream().map(c -> Map.of("action", c.action().marker(), "resource", c.resource(),
                "line", c.line())).toList());
        return j;
    }

    static void applied(Output out, Plan plan, List<Applied> applied) {
        if (out.json()) {
            Map<String, Object> j = json(plan);
            j.put("applied", applied.stream().map(PlanView::applied).toList());
            out.json(j);
            return;
        }
        for (Applied a : applied) {
            a.recovered().ifPresent(found -> out.line(found.sentence()));
            a.release().ifPresent(r -> out.line("Released " + r.label() + " of " + a.function() + ": " + r.description()));
            a.aliases().forEach((name, version) -> out.line("Alias " + name + " -> v" + version));
        }
        out.line("Apply complete: " + plan.count(ResourceChange.Action.ADD) + " added, "
                + (plan.count(ResourceChange.Action.CHANGE) + plan.count(ResourceChange.Action.RECOVER)) + " changed, "
                + plan.count(ResourceChange.Action.DESTROY) + " destroyed.");
    }

    private static Map<String, Object> applied(Applied a) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("function", a.function());
        j.put("version", a.version() == 0 ? null : String.valueOf(a.version()));
        j.put("release", a.release().map(r -> r.description()).orElse(null));
        j.put("aliases", a.aliases());
        return j;
    }
}
