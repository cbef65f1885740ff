package io.lambdoku.core.release;

import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.secret.SealedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a release changed against the one before it: config vars added, changed (old and new value)
 * and removed; other settings as "memory 128 -> 256"; whether the code changed. Environments are compared
 * masked ({@link SealedSet#masked}): a sealed var's value is {@code <sealed FINGERPRINT>}, so it shows as changed
 * exactly when its plaintext did, and neither its ciphertext nor the sealed list itself is ever listed.
 */
public record ConfigDiff(Map<String, String> added, Map<String, ValueChange> changed, List<String> removed,
                         List<String> settings, boolean codeChanged) {

    /** How an empty KMSKeyArn reads in a change: Lambda's AWS-managed key (aws/lambda). */
    public static final String DEFAULT_KEY = "(default key)";

    public record ValueChange(String before, String after) {
    }

    public static ConfigDiff between(Optional<Release> before, Release after) {
        Map<String, String> oldEnv = before.map(r -> SealedSet.masked(r.settings().environment())).orElse(Map.of());
        Map<String, String> newEnv = SealedSet.masked(after.settings().environment());
        Map<String, String> added = new TreeMap<>();
        Map<String, ValueChange> changed = new TreeMap<>();
        newEnv.forEach((k, v) -> {
            if (!oldEnv.containsKey(k)) {
                added.put(k, v);
            } else if (!oldEnv.get(k).equals(v)) {
                changed.put(k, new ValueChange(oldEnv.get(k), v));
            }
        });
        List<String> removed = oldEnv.keySet().stream().filter(k -> !newEnv.containsKey(k)).sorted().toList();
        List<String> settings = before.map(b -> settingChanges(b.settings(), after.settings())).orElse(List.of());
        boolean code = before.map(b -> !b.codeSha256().equals(after.codeSha256())).orElse(true);
        return new ConfigDiff(added, changed, removed, settings, code);
    }

    /** Changes outside the environment, worded as "memory 128 -> 256". */
    public static List<String> settingChanges(FunctionSettings a, FunctionSettings b) {
        List<String> out = new ArrayList<>();
        note(out, "runtime", a.runtime(), b.runtime());
        note(out, "handler", a.handler(), b.handler());
        note(out, "memory", a.memorySize(), b.memorySize());
        note(out, "timeout", a.timeout(), b.timeout());
        note(out, "role", a.role(), b.role());
        note(out, "layers", a.layers(), b.layers());
        note(out, "architecture", a.architecture(), b.architecture());
        note(out, "kmsKeyArn", a.kmsKeyArn().orElse(DEFAULT_KEY), b.kmsKeyArn().orElse(DEFAULT_KEY));
        return out;
    }

    private static void note(List<String> out, String what, Object a, Object b) {
        if (!a.equals(b)) {
            out.add(what + " " + a + " -> " + b);
        }
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && settings.isEmpty() && !codeChanged;
    }
}
