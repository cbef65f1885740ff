package io.lambdoku.core.release;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Rollback#to} would do, read without changing anything: the release rolled back to, and what differs
 * between the function as it is now ($LATEST) and that release. Config vars are named, never valued: the plan is
 * shown in a browser and printed by --dry-run, and a value changing is all a reviewer needs to know.
 */
public record RollbackPlan(String function, Release target, ConfigDiff diff, boolean codeAvailable) {

    /** Whether confirming would make a release. */
    public boolean changesAnything() {
        return !diff.isEmpty();
    }

    /** One sentence per change, in the order: code, added, changed, removed vars, other settings. */
    public List<String> lines() {
        if (!changesAnything()) {
            return List.of("No change: " + function + " already runs the code and config of " + target.label() + ".");
        }
        List<String> out = new ArrayList<>();
        out.add("New release \"Rollback to " + target.label() + "\" of " + function + ".");
        out.add(diff.codeChanged() ? "Code changes back to " + Release.sha8(target.codeSha256()) + " (the code of " + target.label() + ")."
                : "Code stays " + Release.sha8(target.codeSha256()) + ".");
        diff.added().keySet().forEach(k -> out.add("Config " + k + " is set again."));
        diff.changed().keySet().forEach(k -> out.add("Config " + k + " gets its value of " + target.label() + "."));
        diff.removed().forEach(k -> out.add("Config " + k + " is removed."));
        diff.settings().forEach(s -> out.add("Setting " + s + "."));
        if (!codeAvailable) {
            out.add("The code of " + target.label() + " is not available: confirming would fail and change nothing.");
        }
        return out;
    }
}
