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

        /** One sentence, as the dry run prints it. */
        public String sentence(PromotionPlan plan) {
            String from = plan.upstream() + " " + plan.release().label();
            if (!changes) {
                return downstream + ": no change, it already runs the code of " + from + ".";
            }
            String now = current.map(r -> "its " + r.label() + " runs code " + Pipeline.shortSha(r.codeSha256()))
                    .orElse("it has no release yet");
            return downstream + ": new release with the code of " + from + " (" + Pipeline.shortSha(plan.release().codeSha256())
                    + "); " + now + "; its config stays.";
        }
    }

    public boolean changesAnything() {
        return steps.stream().anyMatch(Step::changes);
    }
}
