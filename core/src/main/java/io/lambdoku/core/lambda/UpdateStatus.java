package io.lambdoku.core.lambda;

/** Lambda's LastUpdateStatus: writes and publishes must wait while it is IN_PROGRESS. */
public enum UpdateStatus {
    SUCCESSFUL, IN_PROGRESS, FAILED
}
