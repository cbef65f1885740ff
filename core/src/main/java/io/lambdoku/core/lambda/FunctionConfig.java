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
        Optional<String> lastUpdateStatusReason,
        FunctionState state) {

    public static final String LATEST = "$LATEST";

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(codeSha256, "codeSha256");
        Objects.requireNonNull(revisionId, "revisionId");
        description = description == null ? "" : description;
        lastUpdateStatusReason = lastUpdateStatusReason == null ? Optional.empty() : lastUpdateStatusReason;
        state = state == null ? FunctionState.ACTIVE : state;
    }

    /** An Active function's configuration. */
    public FunctionConfig(String name, String arn, String version, FunctionSettings settings, String description,
                          String codeSha256, long codeSize, String revisionId, String lastModified,
                          UpdateStatus lastUpdateStatus, Optional<String> lastUpdateStatusReason) {
        this(name, arn, version, settings, description, codeSha256, codeSize, revisionId, lastModified,
                lastUpdateStatus, lastUpdateStatusReason, FunctionState.ACTIVE);
    }

    /** The same configuration addressed through an alias: Lambda answers with the alias ARN. */
    public FunctionConfig withArn(String otherArn) {
        return new FunctionConfig(name, otherArn, version, settings, description, codeSha256, codeSize, revisionId,
                lastModified, lastUpdateStatus, lastUpdateStatusReason, state);
    }

    /** Still being created or updated: writes and publishes wait for it (LastUpdateStatus InProgress, State Pending). */
    public boolean settling() {
        return lastUpdateStatus == UpdateStatus.IN_PROGRESS || state == FunctionState.PENDING;
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
