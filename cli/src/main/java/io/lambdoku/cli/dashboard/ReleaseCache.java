package io.lambdoku.cli.dashboard;

import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apps' newest releases, read again only when $LATEST's RevisionId moved. Lambda lists versions oldest first, so
 * the newest release costs a read of them all (1,000 releases: every page of ListVersionsByFunction); but every
 * publish and every update gives $LATEST a new RevisionId, which ListFunctions returns for all apps at once (see
 * {@link #stamp}). A publish between the two reads is cached under the older stamp, so the next page reads it again.
 */
public final class ReleaseCache {

    /** The most a page shows of one app. */
    static final int KEPT = 50;

    private final LambdaApi api;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ReleaseCache(LambdaApi api) {
        this.api = api;
    }

    /** The newest releases of the app whose $LATEST is {@code latest} (as ListFunctions gave it), newest first. */
    public List<Release> newest(FunctionConfig latest, int limit) {
        if (limit > KEPT) {
            throw new IllegalArgumentException("at most " + KEPT + " releases are kept per app, not " + limit);
        }
        Entry e = entries.get(latest.name());
        if (e == null || !e.stamp().equals(stamp(latest))) {
            e = new Entry(stamp(latest), new ReleaseLog(api).list(latest.name(), KEPT));
            entries.put(latest.name(), e);
        }
        return e.releases().subList(0, Math.min(limit, e.releases().size()));
    }

    /**
     * What moves when an app changes: the RevisionId on AWS; moto keeps that across some updates, so the code and the
     * time of the last change count too.
     */
    static String stamp(FunctionConfig latest) {
        return latest.revisionId() + "|" + latest.lastModified() + "|" + latest.codeSha256();
    }

    private record Entry(String stamp, List<Release> releases) {
    }
}
