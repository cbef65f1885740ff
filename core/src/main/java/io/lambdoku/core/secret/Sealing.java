package io.lambdoku.core.secret;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.release.AtomicRelease;
import io.lambdoku.core.release.Descriptions;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Update;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sealed config vars: values encrypted with KMS under the app's key, in the format of Lambda's console encryption
 * helpers (base64 of the CiphertextBlob, context {"LambdaFunctionName": NAME}), so the decrypt snippet AWS documents
 * works unchanged in the function. Every change is one release through {@link AtomicRelease}: the sealed values and
 * {@value SealedSet#VAR} are written together, with RevisionId, and a lost race re-applies the change.
 */
public final class Sealing {

    private final LambdaApi api;
    private final Kms kms;
    private final Fingerprints fingerprints;
    private final AtomicRelease releases;
    private final AppKey keys;

    public Sealing(LambdaApi api, Kms kms, Fingerprints fingerprints, Events events) {
        this.api = api;
        this.kms = kms;
        this.fingerprints = fingerprints;
        this.releases = new AtomicRelease(api, events);
        this.keys = new AppKey(api, kms);
    }

    public AppKey keys() {
        return keys;
    }

    /** config:set --secret: encrypts each value now and sets it sealed in one release ("Set A, B (sealed)"). */
    public ReleaseOutcome set(String function, Map<String, String> vars, Optional<String> kmsKey) {
        vars.keySet().forEach(Sealing::checkName);
        String key = keys.forSealing(function, kmsKey);
        Fingerprints fps = fingerprints.forApp(function);
        Map<String, Sealed> sealed = new LinkedHashMap<>();
        vars.forEach((k, v) -> sealed.put(k, seal(function, key, k, v, fps)));
        return releases.apply(function, latest -> {
            Map<String, String> env = new TreeMap<>(latest.settings().environment());
            SealedSet set = SealedSet.of(env);
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, Sealed> e : sealed.entrySet()) {
                if (!set.fingerprint(e.getKey()).equals(Optional.of(e.getValue().fingerprint())) || !env.containsKey(e.getKey())) {
                    env.put(e.getKey(), e.getValue().ciphertext());
                    set = set.with(e.getKey(), e.getValue().fingerprint());
                    changed.add(e.getKey());
                }
            }
            return changed.isEmpty() ? Optional.empty()
                    : Optional.of(update(latest, set.writeTo(env), changed, sealed, "Set ", " (sealed)"));
        }, "No change: " + String.join(", ", vars.keySet()) + (vars.size() == 1 ? " already had that value" : " already had those values") + " (sealed).");
    }

    /** config:seal: encrypts vars that are set in plaintext ("Seal A"); vars already sealed are left as they are. */
    public ReleaseOutcome seal(String function, Collection<String> names, Optional<String> kmsKey) {
        names.forEach(Sealing::checkName);
        String key = keys.forSealing(function, kmsKey);
        Fingerprints fps = fingerprints.forApp(function);
        return releases.apply(function, latest -> {
            Map<String, String> env = new TreeMap<>(latest.settings().environment());
            SealedSet set = SealedSet.of(env);
            Map<String, Sealed> sealed = new LinkedHashMap<>();
            for (String k : names) {
                if (!env.containsKey(k)) {
                    throw new InvalidParameterException(k + " is not set on " + function + "; set it sealed with"
                            + " 'lambdoku config:set --secret " + k + "=-'.");
                }
                if (!set.contains(k)) {
                    sealed.put(k, seal(function, key, k, env.get(k), fps));
                }
            }
            for (Map.Entry<String, Sealed> e : sealed.entrySet()) {
                env.put(e.getKey(), e.getValue().ciphertext());
                set = set.with(e.getKey(), e.getValue().fingerprint());
            }
            return sealed.isEmpty() ? Optional.empty()
                    : Optional.of(update(latest, set.writeTo(env), List.copyOf(sealed.keySet()), sealed, "Seal ", ""));
        }, "No change: " + String.join(", ", names) + (names.size() == 1 ? " was" : " were") + " already sealed.");
    }

    /** config:unseal: decrypts sealed vars back to plaintext ("Unseal A"); plaintext vars are left as they are. */
    public ReleaseOutcome unseal(String function, Collection<String> names) {
        names.forEach(Sealing::checkName);
        return releases.apply(function, latest -> {
            Map<String, String> env = new TreeMap<>(latest.settings().environment());
            SealedSet set = SealedSet.of(env);
            List<String> opened = names.stream().filter(set::contains).filter(env::containsKey).toList();
            for (String k : opened) {
                env.put(k, open(function, k, env.get(k)));
            }
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> written = set.without(opened).writeTo(env);
            LambdaLimits.checkEnvironment(written);
            return Optional.of(Update.settings(latest.settings().withEnvironment(written), Descriptions.naming("Unseal ", opened, "")));
        }, "No change: " + String.join(", ", names) + (names.size() == 1 ? " was" : " were") + " not sealed.");
    }

    /**
     * config:rekey: re-encrypts every sealed var in one release ("Rekey A, B"), under {@code newKey} when given, which
     * then becomes the app's key. Old releases stay decryptable while their key exists: each blob names its key.
     */
    public ReleaseOutcome rekey(String function, Optional<String> newKey) {
        String key = newKey.map(keys::arnOf).orElseGet(() -> keys.forSealing(function, Optional.empty()));
        Fingerprints fps = fingerprints.forApp(function);
        if (newKey.isPresent()) {
            keys.remember(function, key); // first: if the tag cannot be written, nothing is sealed under a key the app forgets
        }
        return releases.apply(function, latest -> {
            Map<String, String> env = new TreeMap<>(latest.settings().environment());
            SealedSet set = SealedSet.of(env);
            Map<String, Sealed> sealed = new LinkedHashMap<>();
            set.fingerprints().keySet().stream().filter(env::containsKey)
                    .forEach(k -> sealed.put(k, seal(function, key, k, open(function, k, env.get(k)), fps)));
            sealed.forEach((k, s) -> env.put(k, s.ciphertext()));
            return sealed.isEmpty() ? Optional.empty()
                    : Optional.of(update(latest, set.writeTo(env), List.copyOf(sealed.keySet()), sealed, "Rekey ", ""));
        }, "No change: " + function + " has no sealed vars.");
    }

    /** The plaintexts of the sealed vars of $LATEST, a release or an alias (needs kms:Decrypt). */
    public Map<String, String> reveal(String function, String qualifier) {
        return reveal(function, api.getFunction(function, qualifier).settings().environment());
    }

    /** The plaintexts of the sealed vars of {@code env}, an environment of {@code function}. */
    public Map<String, String> reveal(String function, Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        SealedSet.of(env).fingerprints().keySet().stream().filter(env::containsKey)
                .forEach(k -> out.put(k, open(function, k, env.get(k))));
        return out;
    }

    /** Users never set the sealed list by hand: it would claim a plaintext value is sealed, or the reverse. */
    public static void checkName(String key) {
        LambdaLimits.checkEnvName(key);
        if (SealedSet.VAR.equals(key)) {
            throw new InvalidParameterException(SealedSet.VAR + " is lambdoku's list of sealed vars and cannot be set"
                    + " or unset by hand; use config:set --secret, config:seal and config:unseal.");
        }
    }

    private record Sealed(String ciphertext, String fingerprint, int plaintextBytes) {
    }

    /** KMS Encrypt takes at most 4096 bytes; checked here so the refusal names the var, not just the size. */
    private Sealed seal(String function, String key, String name, String plaintext, Fingerprints fps) {
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw new InvalidParameterException(name + " is empty, and KMS encrypts 1 to 4096 bytes; an empty value"
                    + " holds no secret, so set it without --secret.");
        }
        if (bytes.length > Kms.MAX_PLAINTEXT) {
            throw new InvalidParameterException(name + " is " + bytes.length + " bytes; KMS encrypts at most " + Kms.MAX_PLAINTEXT + ","
                    + " and Lambda's environment holds at most 4 KB in all.");
        }
        String ciphertext = Base64.getEncoder().encodeToString(kms.encrypt(key, bytes, EncryptionContexts.of(function)));
        return new Sealed(ciphertext, fps.of(plaintext), bytes.length);
    }

    private String open(String function, String name, String value) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new KmsException(name + " of " + function + " is listed as sealed but its value is not base64"
                    + " ciphertext; set it again with 'lambdoku config:set --secret " + name + "=-'.");
        }
        return new String(kms.decrypt(blob, EncryptionContexts.of(function)).plaintext(), StandardCharsets.UTF_8);
    }

    /** The environment to write, refused when the ciphertext breaks Lambda's 4 KB limit, naming the sizes. */
    private static Update update(FunctionConfig latest, Map<String, String> env, List<String> keys,
                                 Map<String, Sealed> sealed, String verb, String suffix) {
        int total = LambdaLimits.environmentBytes(env);
        if (total > LambdaLimits.MAX_ENVIRONMENT_BYTES) {
            String biggest = keys.stream().max((a, b) -> Integer.compare(env.get(a).length(), env.get(b).length())).orElseThrow();
            throw new InvalidParameterException("Sealed, " + biggest + " takes " + env.get(biggest).length()
                    + " bytes (" + sealed.get(biggest).plaintextBytes() + " bytes of value as base64 KMS ciphertext), and"
                    + " the config vars would take " + total + " bytes, over Lambda's limit of 4 KB (4096 bytes) for all"
                    + " names and values together.");
        }
        LambdaLimits.checkEnvironment(env);
        return Update.settings(latest.settings().withEnvironment(env), Descriptions.naming(verb, keys, suffix));
    }
}
