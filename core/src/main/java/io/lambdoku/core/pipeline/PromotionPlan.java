package io.lambdoku.core.pipeline;

import io.lambdoku.core.release.Release;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Pipeline#promote} would do, read without changing anything: the upstream's release whose code goes
 * out, and per downstream the code it runs now and whether it would get a new release.
 */
public record PromotionPlan(String upstream, Release release, List<Step> steps) {

    public PromotionPlan {
        steps = List.copyOf(steps);
    }

    /** One downstream: its newest release (none yet, before its first), and whether promoting changes its code. */
    public record Step(String downstream, Optional<Release> current, boolean changes) {

        private String sentence(PromotionPlan plan) {
            String from = plan.upstream() + " " + plan.release().label();
            if (!changes) {
                return downstream + ": no change, it already runs the code of " + from + ".";
            }
            String now = current.map(r -> "its " + r.label() + " runs code " + Release.sha8(r.codeSha256()))
                    .orElse("it has no release yet");
            return downstream + ": new release with the code of " + from + " (" + Release.sha8(plan.release().codeSha256())
                    + "); " + now + "; its config stays.";
        }
    }

    public boolean changesAnything() {
        return steps.stream().anyMatch(Step::changes);
    }

    /** One sentence per downstream, as the dry run prints them and the dashboard shows them. */
    public List<String> lines() {
        return steps().stream().map(step -> step.sentence(this)).toList();
    }
}
