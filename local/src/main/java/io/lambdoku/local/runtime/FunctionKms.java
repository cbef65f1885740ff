package io.lambdoku.local.runtime;

import java.util.Map;

/**
 * How functions of the local backend reach KMS, as functions on Lambda reach AWS's: the variables their environment
 * gets (AWS_ENDPOINT_URL_KMS, which boto3, the JavaScript and Java SDKs honour, and the keys that endpoint takes), so
 * AWS's documented {@code kms.decrypt(...)} snippet works in them unchanged. Closed with the invoker.
 */
public interface FunctionKms extends AutoCloseable {

    /** No KMS: functions get no endpoint (tests of the runtime alone). */
    FunctionKms NONE = Map::of;

    /** The variables to add to a new execution environment. */
    Map<String, String> environment();

    @Override
    default void close() {
    }

    /** The variables for an endpoint at {@code endpoint} that takes the keys {@code id}/{@code secret}. */
    static Map<String, String> variables(String endpoint, String id, String secret) {
        return Map.of("AWS_ENDPOINT_URL_KMS", endpoint, "AWS_ACCESS_KEY_ID", id, "AWS_SECRET_ACCESS_KEY", secret);
    }
}
