package io.lambdoku.cli.local;

import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.gc.StoreGc;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Runs the local store's gc for the commands that free things, and says in one line what it freed. */
public final class StoreGcSummary {

    private StoreGcSummary() {
    }

    /** The store's gc, on the local backend; a usage error elsewhere. */
    static StoreGc.Report collect(Session session) {
        if (!(session.api() instanceof LocalLambda local)) {
            throw new UsageException("gc cleans the local backend's store; on AWS, Lambda and CloudWatch keep their own.");
        }
        return new StoreGc(local).collect();
    }

    /**
     * After releases:prune and apps:destroy: gc on the local backend, nothing on AWS. A failure here
     * does not undo what the command did, so it is a note, not the command's error.
     */
    public static Optional<StoreGc.Report> afterDeleting(Session session) {
        if (!(session.api() instanceof LocalLambda local)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoreGc(local).collect());
        } catch (RuntimeException e) {
            session.output().note("Note: cleaning the store afterwards failed (" + e.getMessage() + "); run 'lambdoku gc'.");
            return Optional.empty();
        }
    }

    public static String line(StoreGc.Report r) {
        return String.format(Locale.ROOT, "gc: freed %s: %s (%s), %s (%s), %s and %s; the store holds %s.",
                size(r.freedBytes()), count(r.blobs(), "code blob"), size(r.blobBytes()), count(r.codeFolders(),
                "unpacked code folder"), size(r.codeBytes()), count(r.logEvents(), "log line"),
                count(r.invocations(), "invocation record"), size(r.storeBytes()));
    }

    private static String count(long n, String what) {
        return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }

    public static Map<String, Object> json(StoreGc.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("freedBytes", r.freedBytes());
        m.put("blobs", r.blobs());
        m.put("blobBytes", r.blobBytes());
        m.put("codeFolders", r.codeFolders());
        m.put("codeBytes", r.codeBytes());
        m.put("logEvents", r.logEvents());
        m.put("logBytes", r.logBytes());
        m.put("invocations", r.invocations());
        m.put("databaseBytes", r.databaseBytes());
        m.put("storeBytes", r.storeBytes());
        return m;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
