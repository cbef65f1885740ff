package io.lambdoku.core.secret;

import java.util.Map;

/**
 * The encryption context of a sealed config var: the one Lambda's console encryption helpers use
 * ({@code {"LambdaFunctionName": NAME}}), so the decrypt snippet AWS documents for functions works unchanged.
 */
public final class EncryptionContexts {

    public static final String KEY = "LambdaFunctionName";

    private EncryptionContexts() {
    }

    public static Map<String, String> of(String function) {
        return Map.of(KEY, function);
    }
}
