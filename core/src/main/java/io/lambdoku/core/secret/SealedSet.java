package io.lambdoku.core.secret;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which config vars of one environment are sealed, with the fingerprint of each one's plaintext. Kept in the
 * same environment as the reserved var {@code LAMBDOKU_SEALED=KEY:fp,KEY2:fp} (sorted by key), so it travels with
 * every release: a rollback to v5 restores v5's sealed set, and a promote, which copies code and not config,
 * leaves the downstream's alone. The fingerprints were taken when the values were sealed, so showing them needs
 * no kms:Decrypt.
 */
public record SealedSet(SortedMap<String, String> fingerprints) {

    public static final String VAR = "LAMBDOKU_SEALED";
    public static final SealedSet EMPTY = new SealedSet(new TreeMap<>());
    private static final Pattern ENTRY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+:[0-9a-f]{8}");

    public SealedSet {
        fingerprints = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fingerprints));
    }

    /** The sealed set an environment declares; empty when it has no {@value #VAR}. */
    public static SealedSet of(Map<String, String> env) {
        String value = env.get(VAR);
        return value == null ? EMPTY : parse(value);
    }

    public static SealedSet parse(String value) {
        SortedMap<String, String> fps = new TreeMap<>();
        String[] entries = value.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (!ENTRY.matcher(entry).matches()) {
                // the entry is not quoted: whoever edited it by hand may have pasted a value there
                throw new InvalidParameterException(VAR + " is not KEY:fingerprint,… (entry " + (i + 1) + " is not);"
                        + " it is lambdoku's list of sealed vars: restore it, or roll back to a release before it was edited.");
            }
            int colon = entry.indexOf(':');
            fps.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        return new SealedSet(fps);
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        fingerprints.forEach((k, fp) -> out.append(out.length() == 0 ? "" : ",").append(k).append(':').append(fp));
        return out.toString();
    }

    public boolean contains(String key) {
        return fingerprints.containsKey(key);
    }

    public Optional<String> fingerprint(String key) {
        return Optional.ofNullable(fingerprints.get(key));
    }

    public boolean isEmpty() {
        return fingerprints.isEmpty();
    }

    public SealedSet with(String key, String fingerprint) {
        SortedMap<String, String> fps = new TreeMap<>(fingerprints);
        fps.put(key, fingerprint);
        return new SealedSet(fps);
    }

    public SealedSet without(Collection<String> keys) {
        SortedMap<String, String> fps = new TreeMap<>(fingerprints);
        fps.keySet().removeAll(keys);
        return new SealedSet(fps);
    }

    /** {@code env} declaring this set: {@value #VAR} written, or removed when nothing is sealed. */
    public Map<String, String> writeTo(Map<String, String> env) {
        TreeMap<String, String> out = new TreeMap<>(env);
        if (isEmpty()) {
            out.remove(VAR);
        } else {
            out.put(VAR, format());
        }
        return out;
    }

    /** The config vars a user sees: every var but {@value #VAR}, the values of sealed ones still ciphertext. */
    public static Map<String, String> userVars(Map<String, String> env) {
        TreeMap<String, String> out = new TreeMap<>(env);
        out.remove(VAR);
        return out;
    }

    /**
     * {@code env} as it may be shown: {@value #VAR} left out and each sealed value replaced by
     * {@code <sealed FINGERPRINT>}, so neither plaintext nor ciphertext is ever shown and a diff of two masked
     * environments shows a sealed var as changed exactly when its plaintext changed.
     */
    public static Map<String, String> masked(Map<String, String> env) {
        SealedSet sealed = of(env);
        Map<String, String> out = userVars(env);
        sealed.fingerprints.forEach((k, fp) -> out.computeIfPresent(k, (key, v) -> marker(fp)));
        return out;
    }

    public static String marker(String fingerprint) {
        return "<sealed " + fingerprint + ">";
    }

    /** The fingerprint inside a {@link #marker}, empty for any other value. */
    public static Optional<String> fingerprintOfMarker(String shown) {
        return shown.startsWith("<sealed ") && shown.endsWith(">") && shown.length() == "<sealed >".length() + 8
                ? Optional.of(shown.substring("<sealed ".length(), shown.length() - 1)) : Optional.empty();
    }
}
