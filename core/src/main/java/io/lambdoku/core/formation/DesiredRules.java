package io.lambdoku.core.formation;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a row may ask for. formation:set refuses a bad desire before writing it; a row another client wrote
 * is only read, so the reactor asks {@link #problem} and marks the row Failed with that reason.
 */
public final class DesiredRules {

    /** Lambda's default account concurrency quota: more provisioned concurrency than that cannot be had. */
    public static final int MAX_SCALE = 1000;

    private static final Pattern RELEASE = Pattern.compile("v?[1-9][0-9]{0,8}");
    private static final Pattern ALIAS = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}");
    /** The part of git check-ref-format's rules a typo breaks: no spaces, control characters, ~^:?*[\ or "..". */
    private static final Pattern GIT_REF = Pattern.compile("(?!-)(?!.*\\.\\.)(?!.*@\\{)[^\\s~^:?*\\[\\\\\\x00-\\x1f\\x7f]+");
    private static final String GIT = "git:";

    private DesiredRules() {
    }

    /** Refuses {@code name}'s desire in one sentence, or returns. */
    public static void check(String name, Desired desired) {
        problem(name, desired).ifPresent(p -> {
            throw new InvalidParameterException(p);
        });
    }

    /** Why {@code name}'s desire cannot be made true, as a sentence; empty when it can be tried. */
    public static Optional<String> problem(String name, Desired desired) {
        if (desired.scale() < 0 || desired.scale() > MAX_SCALE) {
            return Optional.of("Scale of " + name + " must be a whole number from 0 to " + MAX_SCALE + ", not "
                    + (desired.scale() == FormationAttributes.UNREADABLE_SCALE ? "what the row holds" : desired.scale()) + ".");
        }
        if (desired.version().isEmpty()) {
            return Optional.empty(); // the Source folder as it is, or without one the function's newest release
        }
        String version = desired.version().get();
        if (version.startsWith(GIT)) {
            String ref = version.substring(GIT.length());
            if (!GIT_REF.matcher(ref).matches()) {
                return Optional.of("Version " + version + " of " + name + " names no git ref; write git:main, git:HEAD"
                        + " or git:3f2a9c1.");
            }
            return desired.source().isPresent() ? Optional.empty() : Optional.of("Version " + version + " of " + name
                    + " is a git ref, so it needs a Source folder whose repository has it (--source DIR).");
        }
        if (RELEASE.matcher(version).matches() || ALIAS.matcher(version).matches()) {
            return Optional.empty();
        }
        return Optional.of("Version '" + version + "' of " + name + " is none of a release (7, v7), an alias name"
                + " or git:REF.");
    }

    /** The release number a Version names ("7" for "7" and "v7"), or empty for an alias or a git ref. */
    public static Optional<String> release(String version) {
        return RELEASE.matcher(version).matches()
                ? Optional.of(version.startsWith("v") ? version.substring(1) : version) : Optional.empty();
    }

    /** The git ref a Version names ("main" for "git:main"), or empty. */
    public static Optional<String> gitRef(String version) {
        return version.startsWith(GIT) ? Optional.of(version.substring(GIT.length())) : Optional.empty();
    }
}
