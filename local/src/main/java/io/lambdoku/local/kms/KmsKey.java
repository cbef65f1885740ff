package io.lambdoku.local.kms;

/** One symmetric key of the local KMS, as its row holds it; the material is in a file of its own (see {@link KeyMaterial}). */
public record KmsKey(String id, String arn, String description, boolean enabled, long createdMillis) {
}
