package io.lambdoku.cli;

import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lock.LockedException;
import io.lambdoku.local.store.NoSpaceException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;

/** Turns a failure into one sentence on stderr and an exit code; a stack trace only with --debug. */
public final class Errors {

    private Errors() {
    }

    public static int report(Throwable failure, Output output, boolean debug) {
        if (debug) {
            failure.printStackTrace(output.err());
        }
        if (failure instanceof UsageException) {
            output.error(failure.getMessage());
            return ExitCodes.USAGE;
        }
        Optional<Path> full = fullDisk(failure);
        if (full.isPresent()) {
            output.error("No space left on device under " + full.get() + "; free space or set LAMBDOKU_HOME elsewhere.");
            return ExitCodes.FAILURE;
        }
        if (failure instanceof LockedException) {
            output.error(failure.getMessage());
            return ExitCodes.LOCKED;
        }
        if (failure instanceof LambdaException || failure instanceof io.lambdoku.core.rollout.RolloutException
                || failure instanceof io.lambdoku.core.secret.KmsException) {
            output.error(failure.getMessage());
            return ExitCodes.FAILURE;
        }
        output.error("Unexpected failure: " + failure + (debug ? "" : ". Run again with --debug for details."));
        return ExitCodes.FAILURE;
    }

    /**
     * The folder whose file system is full, when that is the failure: the local store says so by type
     * ({@link NoSpaceException}, from SQLITE_FULL or the I/O error of a write); any other file write
     * (a deploy's staging folder…) names its file, whose folder is then checked the same way.
     */
    static Optional<Path> fullDisk(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoSpaceException n) {
                return Optional.of(n.dir());
            }
            if (t instanceof FileSystemException f && f.getFile() != null) {
                Path dir = Path.of(f.getFile()).toAbsolutePath().getParent();
                if (dir != null && NoSpaceException.of(t, dir).isPresent()) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }
}
