package io.lambdoku.core.lambda;

import java.util.Objects;
import java.util.Optional;

/**
 * Code that Lambda reads from an S3 object the user uploaded (S3Bucket, S3Key, S3ObjectVersion), with
 * the CodeSha256 and CodeSize Lambda will report for it, known before any call (see core.code.S3Package).
 * {@code version} pins the exact object when the bucket is versioned, so what was planned is what deploys;
 * {@code eTag} names the object seen, so a backend copying it (into its artifact store) copies that one only.
 */
public record S3Code(String bucket, String key, Optional<String> version, String codeSha256, long size,
                     Optional<String> eTag) implements CodePackage {

    public S3Code {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(codeSha256, "codeSha256");
        version = version == null ? Optional.empty() : version;
        eTag = eTag == null ? Optional.empty() : eTag.filter(e -> !e.isEmpty());
    }

    public S3Code(String bucket, String key, Optional<String> version, String codeSha256, long size) {
        this(bucket, key, version, codeSha256, size, Optional.empty());
    }

    public String uri() {
        return "s3://" + bucket + "/" + key + version.map(v -> "?versionId=" + v).orElse("");
    }
}
