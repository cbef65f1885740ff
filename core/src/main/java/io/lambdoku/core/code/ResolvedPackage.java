package io.lambdoku.core.code;

import io.lambdoku.core.lambda.S3Code;
import java.util.Objects;

/**
 * An S3 package as found: {@link #code()} is what to hand CreateFunction or UpdateFunctionCode, and carries
 * the CodeSha256 and CodeSize Lambda will report (as a CodeZip's would); {@code eTag} identifies the object
 * seen, for a plan to record. {@code downloaded} says the object had no full-object SHA-256 checksum, so its
 * bytes were read to compute the CodeSha256 (upload with {@code --checksum-algorithm SHA256} to avoid it).
 */
public record ResolvedPackage(S3Package requested, S3Code code, String eTag, boolean downloaded) {

    public ResolvedPackage {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(code, "code");
        eTag = eTag == null ? "" : eTag;
    }

    public String codeSha256() {
        return code.codeSha256();
    }

    public long size() {
        return code.size();
    }
}
