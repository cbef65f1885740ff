package io.lambdoku.local.kms;

import io.lambdoku.core.secret.Kms;
import io.lambdoku.local.Arns;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * KMS for the local backend: symmetric keys in the store (rows in the database, 256-bit material in 0600 files),
 * AES-256-GCM with the encryption context bound as authenticated data, so a blob opens only under the context it was
 * sealed with, as on KMS. Keys are named as KMS names them: key id, key ARN, {@code alias/NAME} or alias ARN.
 * Safe for many processes at once: every change is one transaction, and material is written before its row.
 */
public final class LocalKms implements Kms {

    /** KMS Encrypt takes at most 4 KB of plaintext. */
    private static final int MAX_DATA_KEY = 1024;

    private final KmsStore store;
    private final KeyMaterial material;
    private final Arns arns;
    private final String arnPrefix;

    public LocalKms(LocalLambda lambda) {
        this.arns = new Arns(lambda.options().region());
        this.store = new KmsStore(lambda.database(), arns);
        this.material = new KeyMaterial(lambda.options().storeDir().resolve("kms"));
        this.arnPrefix = "arn:aws:kms:" + lambda.options().region() + ":" + LocalOptions.ACCOUNT + ":";
    }

    /** What GenerateDataKey returns: a fresh key in clear and sealed under the KMS key. */
    public record DataKey(byte[] plaintext, byte[] ciphertext, String keyArn) {
    }

    @Override
    public byte[] encrypt(String key, byte[] plaintext, Map<String, String> context) {
        if (plaintext.length == 0 || plaintext.length > Kms.MAX_PLAINTEXT) {
            throw KmsError.validation("KMS encrypts 1 to " + Kms.MAX_PLAINTEXT + " bytes of plaintext, not " + plaintext.length + ".");
        }
        KmsKey k = usable(key);
        return Ciphertexts.seal(k.id(), material.read(k.id()), plaintext, context);
    }

    @Override
    public Decrypted decrypt(byte[] ciphertext, Map<String, String> context) {
        return decrypt(ciphertext, context, Optional.empty());
    }

    /** Decrypt; a given {@code key} must name the key the blob was sealed with (KMS's IncorrectKeyException otherwise). */
    public Decrypted decrypt(byte[] ciphertext, Map<String, String> context, Optional<String> key) {
        String id = Ciphertexts.keyId(ciphertext);
        KmsKey sealedWith = store.key(id).orElseThrow(KmsError::invalidCiphertext);
        if (key.isPresent() && !resolve(key.get()).id().equals(id)) {
            throw KmsError.incorrectKey(key.get(), sealedWith.arn());
        }
        if (!sealedWith.enabled()) {
            throw KmsError.disabled(sealedWith.arn());
        }
        return new Decrypted(Ciphertexts.open(ciphertext, material.read(id), context), sealedWith.arn());
    }

    public DataKey generateDataKey(String key, int bytes, Map<String, String> context) {
        if (bytes < 1 || bytes > MAX_DATA_KEY) {
            throw KmsError.validation("NumberOfBytes must be between 1 and " + MAX_DATA_KEY + ", not " + bytes + ".");
        }
        byte[] plaintext = new byte[bytes];
        new java.security.SecureRandom().nextBytes(plaintext);
        KmsKey k = usable(key);
        return new DataKey(plaintext, Ciphertexts.seal(k.id(), material.read(k.id()), plaintext, context), k.arn());
    }

    @Override
    public Optional<String> keyArn(String key) {
        try {
            return Optional.of(resolve(key).arn());
        } catch (KmsError e) {
            if (e.type().equals("NotFoundException")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String createKey(String aliasName, String description) {
        return createKey(description, Optional.of(aliasName.startsWith("alias/") ? aliasName : "alias/" + aliasName)).arn();
    }

    /** CreateKey, with CreateAlias in the same transaction when {@code alias} is given. */
    public KmsKey createKey(String description, Optional<String> alias) {
        alias.ifPresent(LocalKms::checkAliasName);
        if (description.length() > 8192) {
            throw KmsError.validation("A key's description holds at most 8192 characters, not " + description.length() + ".");
        }
        String id = UUID.randomUUID().toString();
        KmsKey key = new KmsKey(id, arns.kmsKey(id), description, true, System.currentTimeMillis());
        material.create(id);
        try {
            store.insert(key, alias);
        } catch (RuntimeException e) {
            material.delete(id);
            throw e;
        }
        return key;
    }

    public void createAlias(String alias, String targetKey) {
        checkAliasName(alias);
        if (targetKey.startsWith("alias/") || targetKey.startsWith(arnPrefix + "alias/")) {
            throw KmsError.validation("An alias points at a key id or key ARN, not at another alias (" + targetKey + ").");
        }
        store.insertAlias(alias, resolve(targetKey).id(), System.currentTimeMillis());
    }

    /** DescribeKey. */
    public KmsKey describe(String key) {
        return resolve(key);
    }

    public List<KmsKey> keys() {
        return store.keys();
    }

    public List<KmsAlias> aliases() {
        return store.aliases();
    }

    /** EnableKey / DisableKey: a disabled key neither encrypts nor decrypts, and says so. */
    public void setEnabled(String key, boolean enabled) {
        store.setEnabled(resolve(key).id(), enabled);
    }

    /** Where the key material lives: one 0600 file per key. */
    public java.nio.file.Path materialFile(String keyId) {
        return material.file(keyId);
    }

    private KmsKey usable(String key) {
        KmsKey k = resolve(key);
        if (!k.enabled()) {
            throw KmsError.disabled(k.arn());
        }
        return k;
    }

    /** A key id, key ARN, {@code alias/NAME} or alias ARN, as KMS's KeyId parameter takes them. */
    private KmsKey resolve(String key) {
        if (key == null || key.isBlank()) {
            throw KmsError.validation("A KeyId is required: a key id, key ARN, alias/NAME or alias ARN.");
        }
        String ref = key.startsWith(arnPrefix) ? key.substring(arnPrefix.length()) : key;
        if (ref.startsWith("alias/")) {
            String id = store.aliasTarget(ref).orElseThrow(() -> KmsError.noSuchAlias(arns.kmsAlias(ref)));
            return store.key(id).orElseThrow(() -> KmsError.noSuchKey(arns.kmsKey(id)));
        }
        if (ref.startsWith("arn:")) {
            throw KmsError.noSuchKey(key); // another region's or account's: not in this store
        }
        String id = ref.startsWith("key/") ? ref.substring(4) : ref;
        return store.key(id).orElseThrow(() -> KmsError.noSuchKey(key.startsWith("arn:") ? key : arns.kmsKey(id)));
    }

    /** KMS's rule: {@code alias/} and 1 to 250 of {@code [a-zA-Z0-9/_-]}; {@code alias/aws/} is AWS's own. */
    private static void checkAliasName(String alias) {
        if (!alias.matches("alias/[a-zA-Z0-9/_-]{1,250}")) {
            throw KmsError.validation("An alias name is alias/ and then letters, digits, '/', '_' or '-' (at most 256"
                    + " characters in all), not '" + alias + "'.");
        }
        if (alias.startsWith("alias/aws/")) {
            throw KmsError.validation("Aliases beginning alias/aws/ are reserved for AWS managed keys: " + alias + ".");
        }
    }
}
