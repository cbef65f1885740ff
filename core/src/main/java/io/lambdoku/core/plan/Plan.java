package io.lambdoku.core.plan;

import java.util.List;

/** The plan of one function or of a folder of functions, and its summary line. */
public record Plan(List<FunctionPlan> functions) {

    public Plan {
        functions = List.copyOf(functions);
    }

    public boolean changed() {
        return functions.stream().anyMatch(FunctionPlan::changed);
    }

    public long count(ResourceChange.Action action) {
        return functions.stream().mapToLong(f -> f.count(action)).sum();
    }

    /** Terraform's wording: "Plan: 2 to add, 1 to change, 0 to destroy." (a recovered change is a change). */
    public String summary() {
        return "Plan: " + count(ResourceChange.Action.ADD) + " to add, "
                + (count(ResourceChange.Action.CHANGE) + count(ResourceChange.Action.RECOVER)) + " to change, "
                + count(ResourceChange.Action.DESTROY) + " to destroy.";
    }

    public List<String> lines() {
        return functions.stream().flatMap(f -> f.lines().stream()).toList();
    }
}
