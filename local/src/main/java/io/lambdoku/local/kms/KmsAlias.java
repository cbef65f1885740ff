package io.lambdoku.local.kms;

/** An alias ({@code alias/NAME}) and the key it points at. */
public record KmsAlias(String name, String arn, String keyId, long createdMillis) {
}
