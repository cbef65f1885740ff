package io.lambdoku.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan of one function: what it should become ({@link Target}), what was observed of it (per
 * resource, a RevisionId or fingerprint, e.g. {@code "function shop" -> "RevisionId 3f2a…"}), and the
 * changes that take it there. A plan read back from a file has no live observation: apply observes again
 * and carries out the changes only when every observed value is still the same.
 */
public final class FunctionPlan {

    private final Target target;
    private final Map<String, String> observed;
    private final List<ResourceChange> changes;
    private final Optional<Observation> live;

    FunctionPlan(Target target, Map<String, String> observed, List<ResourceChange> changes, Optional<Observation> live) {
        this.target = target;
        this.observed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(observed));
        this.changes = List.copyOf(changes);
        this.live = live;
    }

    public String function() {
        return target.function();
    }

    public Target target() {
        return target;
    }

    public Map<String, String> observed() {
        return observed;
    }

    public List<ResourceChange> changes() {
        return changes;
    }

    public List<String> lines() {
        return changes.stream().map(ResourceChange::line).toList();
    }

    public boolean changed() {
        return changes.stream().anyMatch(ResourceChange::changes);
    }

    public long count(ResourceChange.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** The newest release the function had when planned, if any. */
    public Optional<Integer> newestRelease() {
        return live.flatMap(o -> o.function().newestRelease());
    }

    /** A release will be made (create, settings, code, or an interrupted change released). */
    public boolean releases() {
        return live.map(o -> o.function().releases()).orElse(changed());
    }

    Optional<Observation> live() {
        return live;
    }
}
