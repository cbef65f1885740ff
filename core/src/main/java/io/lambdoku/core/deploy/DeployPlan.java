package io.lambdoku.core.deploy;

import io.lambdoku.core.lambda.CodePackage;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.release.ConfigDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a deploy would do, computed from the function as it is now: create it, change its settings,
 * upload code, point an alias. Printed by --dry-run and diff; carried out by {@link Deployer}.
 */
public record DeployPlan(
        Manifest manifest,
        CodePackage code,
        Optional<FunctionConfig> current,
        FunctionSettings wanted,
        Optional<String> alias,
        Optional<String> aliasVersion,
        Optional<Integer> newestRelease,
        Optional<String> pending) {

    /**
     * {@code pending}: what $LATEST holds that the newest release does not (an interrupted change), e.g.
     * "code 3f2a9c1d"; the deploy releases it first.
     */
    public DeployPlan {
        pending = pending == null ? Optional.empty() : pending;
    }

    /** The same plan with the function's role set to {@code arn}: the role the manifest asked to create, once created. */
    public DeployPlan withRole(String arn) {
        FunctionSettings settings = new FunctionSettings(wanted.runtime(), wanted.handler(), arn, wanted.memorySize(),
                wanted.timeout(), wanted.environment(), wanted.layers(), wanted.architecture(), wanted.kmsKeyArn());
        return new DeployPlan(manifest.withRole(arn), code, current, settings, alias, aliasVersion, newestRelease, pending);
    }

    public String function() {
        return manifest.name();
    }

    public boolean creates() {
        return current.isEmpty();
    }

    public boolean codeChanged() {
        return current.map(c -> !c.codeSha256().equals(code.codeSha256())).orElse(true);
    }

    public boolean configChanged() {
        return current.map(c -> !c.settings().equals(wanted)).orElse(true);
    }

    /** A release will be made. */
    public boolean releases() {
        return creates() || codeChanged() || configChanged() || pending.isPresent();
    }

    /** The alias will move: a release is made, or it does not point at the newest release yet. */
    public boolean movesAlias() {
        return alias.isPresent() && (releases() || !aliasVersion.equals(newestRelease.map(String::valueOf)));
    }

    public boolean changed() {
        return releases() || movesAlias();
    }

    /** Apex-like lines: "~ function hello  size 641 B -> 782 B  memory 128 -> 256  env +A ~B -C". */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (creates()) {
            lines.add("+ function " + function() + "  size " + size(code.size()) + "  " + wanted.runtime() + "  "
                    + wanted.handler() + "  memory " + wanted.memorySize() + "  timeout " + wanted.timeout()
                    + (wanted.environment().isEmpty() ? "" : "  env " + env(Map.of(), wanted.environment())));
        } else if (codeChanged() || configChanged()) {
            FunctionConfig c = current.get();
            StringBuilder line = new StringBuilder("~ function " + function());
            if (codeChanged()) {
                line.append("  size ").append(size(c.codeSize())).append(" -> ").append(size(code.size()));
            }
            for (String change : ConfigDiff.settingChanges(c.settings(), wanted.withEnvironment(c.settings().environment()))) {
                line.append("  ").append(change);
            }
            if (!c.settings().environment().equals(wanted.environment())) {
                line.append("  env ").append(env(c.settings().environment(), wanted.environment()));
            }
            if (!configChanged()) {
                line.append("  (config unchanged)");
            }
            if (!codeChanged()) {
                line.append("  (code unchanged)");
            }
            lines.add(line.toString());
        } else {
            lines.add("= function " + function() + "  config unchanged, code unchanged");
        }
        pending.ifPresent(p -> lines.add("! function " + function() + "  $LATEST has unreleased changes (" + p
                + "), released first"));
        if (movesAlias()) {
            String target = releases() ? "(new)" : String.valueOf(newestRelease.orElse(0));
            lines.add((aliasVersion.isPresent() ? "~" : "+") + " alias " + alias.get() + "  "
                    + aliasVersion.orElse("(none)") + " -> " + target);
        }
        return lines;
    }

    private static String env(Map<String, String> before, Map<String, String> after) {
        List<String> parts = new ArrayList<>();
        after.forEach((k, v) -> {
            if (!before.containsKey(k)) {
                parts.add("+" + k);
            } else if (!before.get(k).equals(v)) {
                parts.add("~" + k);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> parts.add("-" + k));
        return String.join(" ", parts);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
