package io.lambdoku.core.lambda;

import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of $LATEST or of one published version, as GetFunctionConfiguration returns it.
 * For a version, {@code description} is the text given to PublishVersion (lambdoku's release message).
 */
public record FunctionConfig(
        String name,
        String arn,
        String version,
        FunctionSettings settings,
        String description,
        String codeSha256,
        long codeSize,
        String revisionId,
        String lastModified,
        UpdateStatus lastUpdateStatus,
        Optional<String> lastUpdateStatusReason) {

    public static final String LATEST = "$LATEST";

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(codeSha256, "codeSha256");
        Objects.requireNonNull(revisionId, "revisionId");
        description = description == null ? "" : description;
        lastUpdateStatusReason = lastUpdateStatusReason == null ? Optional.empty() : lastUpdateStatusReason;
    }

    public boolean isLatest() {
        return LATEST.equals(version);
    }

    /** The version number of a published version. */
    public int versionNumber() {
        if (isLatest()) {
            throw new IllegalStateException("$LATEST has no version number");
        }
        return Integer.parseInt(version);
    }
}
