package io.lambdoku.cli.config;

import io.lambdoku.cli.Output;
import io.lambdoku.core.secret.SealedSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Config vars as they may be shown: a sealed var as {@code <sealed 1a2b3c4d>} (its fingerprint, taken at seal time)
 * and, in JSON, as {@code {"sealed":true,"fingerprint":"1a2b3c4d"}}, never its ciphertext; its plaintext only when
 * revealed. {@value SealedSet#VAR} is lambdoku's own bookkeeping and is not listed.
 */
final class ConfigView {

    private final Map<String, String> masked;
    private final SealedSet sealed;
    private final Map<String, String> revealed;

    ConfigView(Map<String, String> env, Map<String, String> revealed) {
        this.masked = SealedSet.masked(env);
        this.sealed = SealedSet.of(env);
        this.revealed = Map.copyOf(revealed);
    }

    Set<String> keys() {
        return masked.keySet();
    }

    boolean has(String key) {
        return masked.containsKey(key);
    }

    /** {@code KEY='value'} as a shell reads it back; a sealed var unrevealed as {@code KEY=<sealed fp>}. */
    String assignment(String key) {
        return key + "=" + (isMasked(key) ? masked.get(key) : ShellQuote.quote(value(key)));
    }

    /** The value itself, its plaintext when revealed, else the sealed marker. */
    String value(String key) {
        return revealed.getOrDefault(key, masked.get(key));
    }

    Object json(String key) {
        if (!sealed.contains(key)) {
            return masked.get(key);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sealed", true);
        m.put("fingerprint", sealed.fingerprint(key).orElseThrow());
        if (revealed.containsKey(key)) {
            m.put("value", revealed.get(key));
        }
        return m;
    }

    Map<String, Object> json(Iterable<String> keys) {
        Map<String, Object> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, json(k)));
        return out;
    }

    private boolean isMasked(String key) {
        return sealed.contains(key) && !revealed.containsKey(key);
    }

    /** Says on stderr that sealed values were decrypted, so a revealed listing is never mistaken for a masked one. */
    static void noteRevealed(Output output, String function, Set<String> keys) {
        if (!keys.isEmpty()) {
            output.note("Revealed " + String.join(", ", keys) + " of " + function + " (decrypted with KMS).");
        }
    }
}
