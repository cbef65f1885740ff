package io.lambdoku.local.kms;

import io.lambdoku.core.secret.Kms;
import io.lambdoku.local.LocalOptions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KMS JSON 1.1 API ({@code X-Amz-Target: TrentService.Operation}) over {@link LocalKms}: requests and answers are
 * the API reference's members (binary members base64, dates epoch seconds), so {@code aws kms … --endpoint-url},
 * boto3 and the SDKs work unchanged. Failures are {@link KmsError}s, whose type is KMS's error code.
 */
public final class KmsApi {

    private final LocalKms kms;

    public KmsApi(LocalKms kms) {
        this.kms = kms;
    }

    public Map<String, Object> call(String operation, Map<String, Object> body) {
        return switch (operation) {
            case "Encrypt" -> encrypt(body);
            case "Decrypt" -> decrypt(body);
            case "GenerateDataKey" -> generateDataKey(body);
            case "CreateKey" -> createKey(body);
            case "DescribeKey" -> Map.of("KeyMetadata", metadata(kms.describe(required(body, "KeyId"))));
            case "ListKeys" -> listKeys();
            case "CreateAlias" -> {
                kms.createAlias(required(body, "AliasName"), required(body, "TargetKeyId"));
                yield Map.of();
            }
            case "ListAliases" -> listAliases(body);
            case "EnableKey", "DisableKey" -> {
                kms.setEnabled(required(body, "KeyId"), operation.equals("EnableKey"));
                yield Map.of();
            }
            default -> throw KmsError.unknownOperation(operation);
        };
    }

    private Map<String, Object> encrypt(Map<String, Object> body) {
        String key = required(body, "KeyId");
        symmetric(body);
        byte[] blob = kms.encrypt(key, binary(body, "Plaintext"), context(body));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("CiphertextBlob", base64(blob));
        out.put("KeyId", kms.describe(key).arn());
        out.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return out;
    }

    private Map<String, Object> decrypt(Map<String, Object> body) {
        symmetric(body);
        Kms.Decrypted d = kms.decrypt(binary(body, "CiphertextBlob"), context(body), optional(body, "KeyId"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("KeyId", d.keyArn());
        out.put("Plaintext", base64(d.plaintext()));
        out.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return out;
    }

    private Map<String, Object> generateDataKey(Map<String, Object> body) {
        Optional<String> spec = optional(body, "KeySpec");
        Object number = body.get("NumberOfBytes");
        if (spec.isPresent() == (number != null)) {
            throw KmsError.validation("GenerateDataKey takes KeySpec (AES_256 or AES_128) or NumberOfBytes, exactly one.");
        }
        int bytes = spec.map(s -> switch (s) {
            case "AES_256" -> 32;
            case "AES_128" -> 16;
            default -> throw KmsError.validation("KeySpec is AES_256 or AES_128, not '" + s + "'.");
        }).orElseGet(() -> number instanceof Number n ? n.intValue() : -1);
        LocalKms.DataKey k = kms.generateDataKey(required(body, "KeyId"), bytes, context(body));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("CiphertextBlob", base64(k.ciphertext()));
        out.put("Plaintext", base64(k.plaintext()));
        out.put("KeyId", k.keyArn());
        return out;
    }

    private Map<String, Object> createKey(Map<String, Object> body) {
        String usage = optional(body, "KeyUsage").orElse("ENCRYPT_DECRYPT");
        String spec = optional(body, "KeySpec").or(() -> optional(body, "CustomerMasterKeySpec")).orElse("SYMMETRIC_DEFAULT");
        if (!usage.equals("ENCRYPT_DECRYPT") || !spec.equals("SYMMETRIC_DEFAULT")) {
            throw KmsError.validation("lambdoku's local KMS makes symmetric ENCRYPT_DECRYPT keys only (SYMMETRIC_DEFAULT),"
                    + " not " + usage + " " + spec + ".");
        }
        return Map.of("KeyMetadata", metadata(kms.createKey(optional(body, "Description").orElse(""), Optional.empty())));
    }

    private Map<String, Object> listKeys() {
        List<Map<String, Object>> keys = kms.keys().stream()
                .map(k -> Map.<String, Object>of("KeyId", k.id(), "KeyArn", k.arn())).toList();
        return Map.of("Keys", keys, "Truncated", false);
    }

    /** With KeyId, the aliases of that key only, as KMS filters them. */
    private Map<String, Object> listAliases(Map<String, Object> body) {
        Optional<String> keyId = optional(body, "KeyId").map(k -> kms.describe(k).id());
        List<Map<String, Object>> aliases = kms.aliases().stream()
                .filter(a -> keyId.isEmpty() || keyId.get().equals(a.keyId()))
                .map(a -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("AliasName", a.name());
                    m.put("AliasArn", a.arn());
                    m.put("TargetKeyId", a.keyId());
                    m.put("CreationDate", seconds(a.createdMillis()));
                    m.put("LastUpdatedDate", seconds(a.createdMillis()));
                    return m;
                }).toList();
        return Map.of("Aliases", aliases, "Truncated", false);
    }

    /** KeyMetadata as the API reference lists it, for a symmetric key of the account's own. */
    static Map<String, Object> metadata(KmsKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AWSAccountId", LocalOptions.ACCOUNT);
        m.put("KeyId", k.id());
        m.put("Arn", k.arn());
        m.put("CreationDate", seconds(k.createdMillis()));
        m.put("Enabled", k.enabled());
        m.put("Description", k.description());
        m.put("KeyUsage", "ENCRYPT_DECRYPT");
        m.put("KeyState", k.enabled() ? "Enabled" : "Disabled");
        m.put("Origin", "AWS_KMS");
        m.put("KeyManager", "CUSTOMER");
        m.put("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT");
        m.put("KeySpec", "SYMMETRIC_DEFAULT");
        m.put("EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"));
        m.put("MultiRegion", false);
        return m;
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }

    private static void symmetric(Map<String, Object> body) {
        Optional<String> algorithm = optional(body, "EncryptionAlgorithm");
        if (algorithm.isPresent() && !algorithm.get().equals("SYMMETRIC_DEFAULT")) {
            throw KmsError.validation("Keys of lambdoku's local KMS are symmetric: EncryptionAlgorithm is SYMMETRIC_DEFAULT, not "
                    + algorithm.get() + ".");
        }
    }

    private static Map<String, String> context(Map<String, Object> body) {
        Object c = body.get("EncryptionContext");
        if (c == null) {
            return Map.of();
        }
        if (!(c instanceof Map<?, ?> m) || m.values().stream().anyMatch(v -> !(v instanceof String))) {
            throw KmsError.validation("EncryptionContext is an object of string keys and string values.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), (String) v));
        return out;
    }

    private static byte[] binary(Map<String, Object> body, String member) {
        try {
            return Base64.getDecoder().decode(required(body, member));
        } catch (IllegalArgumentException e) {
            throw KmsError.validation(member + " is not base64: " + e.getMessage());
        }
    }

    private static String required(Map<String, Object> body, String member) {
        return optional(body, member).orElseThrow(() -> KmsError.validation("1 validation error detected: Value null at '"
                + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "' failed to satisfy constraint: Member must not be null"));
    }

    private static Optional<String> optional(Map<String, Object> body, String member) {
        Object v = body.get(member);
        if (v != null && !(v instanceof String)) {
            throw KmsError.validation(member + " must be a string.");
        }
        return Optional.ofNullable((String) v);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
