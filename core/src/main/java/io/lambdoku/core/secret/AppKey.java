package io.lambdoku.core.secret;

import io.lambdoku.core.lambda.LambdaApi;
import java.util.Map;
import java.util.Optional;

/**
 * The KMS key an app's vars are sealed under, remembered in the function tag {@value #TAG} (a key ARN). A tag,
 * not an environment var: the key is a setting of the app, and must not roll back with its config.
 */
public final class AppKey {

    public static final String TAG = "lambdoku:kms-key";
    /** The key {@code lambdoku setup --kms-key} makes, for users without a key of their own. */
    public static final String DEFAULT_ALIAS = "alias/lambdoku";

    /** The ARN of {@value #DEFAULT_ALIAS} and whether this call created it. */
    public record Ensured(String arn, boolean created) {
    }

    private final LambdaApi api;
    private final Kms kms;

    public AppKey(LambdaApi api, Kms kms) {
        this.api = api;
        this.kms = kms;
    }

    public Optional<String> current(String function) {
        return Optional.ofNullable(api.listTags(function).get(TAG));
    }

    /** The ARN of {@code key} (id, ARN, alias/NAME or alias ARN), refused in one sentence when KMS has none. */
    public String arnOf(String key) {
        return kms.keyArn(key).orElseThrow(() -> new KmsException("KMS has no key '" + key + "'; give a key id, key ARN,"
                + " alias/NAME or alias ARN that exists (lambdoku setup --kms-key creates alias/lambdoku)."));
    }

    /** {@value #DEFAULT_ALIAS}, created (a symmetric ENCRYPT_DECRYPT key) when KMS has none yet. */
    public static Ensured ensureDefault(Kms kms) {
        Optional<String> found = kms.keyArn(DEFAULT_ALIAS);
        return found.map(arn -> new Ensured(arn, false)).orElseGet(() -> new Ensured(
                kms.createKey(DEFAULT_ALIAS, "lambdoku: sealed config vars"), true));
    }

    /** Remembers {@code key} as the app's key; its ARN. */
    public String remember(String function, String key) {
        String arn = arnOf(key);
        api.tagFunction(function, Map.of(TAG, arn));
        return arn;
    }

    /**
     * The key to seal new values under: {@code requested} (remembered when the app has none yet), else the one
     * remembered. A requested key other than the remembered one is refused: changing keys is config:rekey's job.
     */
    public String forSealing(String function, Optional<String> requested) {
        Optional<String> current = current(function);
        if (requested.isPresent()) {
            String arn = arnOf(requested.get());
            if (current.isEmpty()) {
                api.tagFunction(function, Map.of(TAG, arn));
            } else if (!current.get().equals(arn)) {
                throw new KmsException(function + " seals under " + current.get() + ", not " + requested.get()
                        + "; to move its sealed vars to another key run 'lambdoku config:rekey --kms-key "
                        + requested.get() + "'.");
            }
            return arn;
        }
        return current.orElseThrow(() -> new KmsException(function + " has no KMS key to seal with; pass --kms-key"
                + " ID|ARN|alias/NAME once (lambdoku setup --kms-key creates alias/lambdoku)."));
    }
}
