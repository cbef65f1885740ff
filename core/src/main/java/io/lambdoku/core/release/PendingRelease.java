package io.lambdoku.core.release;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.UpdateInProgressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finishes a change that never got its release: a command killed between its write and its publish
 * leaves $LATEST with code or config no release holds, and comparing a new change with $LATEST alone
 * would then say "nothing changed" forever. So before a change is applied, $LATEST is compared with the
 * newest release, and what differs is published first.
 *
 * <p>Its message: every write of {@link AtomicRelease} puts the change's release message into $LATEST's
 * Description in its first write, so an interrupted change is released under its own message, exactly
 * as its command would have published it: that command may still be running (between its write and
 * its publish), and then its publish finds nothing new and reports this very release. When $LATEST's
 * Description is still the newest release's (the change came from outside lambdoku, or repeated the
 * same message) the release is named by what was found: "Recover code 3f2a9c1d, config DB_URL".
 */
public final class PendingRelease {

    private final LambdaApi api;
    private final Events events;
    private final Backoff backoff;
    private final UpdateWaiter waiter;
    private final ReleaseLog log;

    PendingRelease(LambdaApi api, Events events, Backoff backoff) {
        this.api = api;
        this.events = events;
        this.backoff = backoff;
        this.waiter = new UpdateWaiter(api, events);
        this.log = new ReleaseLog(api);
    }

    /**
     * What finishing found: the release it made, or else the settled $LATEST it compared, which the
     * change about to be applied can start from instead of reading it again.
     */
    record Outcome(Optional<Recovered> recovered, Optional<FunctionConfig> latest) {
    }

    /** Publishes what $LATEST holds beyond the newest release, if anything. */
    Outcome finish(String function) {
        for (int attempt = 1; ; attempt++) {
            FunctionConfig latest = waiter.settled(api.getFunction(function, FunctionConfig.LATEST));
            Optional<Release> newest = log.newestIfAny(function);
            Optional<String> found = found(newest, latest);
            if (found.isEmpty()) {
                return new Outcome(Optional.empty(), Optional.of(latest));
            }
            try {
                FunctionConfig version = api.publishVersion(function, message(newest, latest, found.get()),
                        Optional.of(latest.codeSha256()), Optional.of(latest.revisionId()));
                return new Outcome(Optional.of(new Recovered(found.get(), Release.of(version))), Optional.empty());
            } catch (PreconditionFailedException | UpdateInProgressException raced) {
                // someone changed or published $LATEST meanwhile (perhaps the interrupted change's own
                // command, still running after all): look again
                if (backoff.exhausted(attempt)) {
                    throw new AtomicRelease.GaveUpException(function, attempt, raced);
                }
                events.retrying(function, attempt, raced.getMessage());
                backoff.pause(attempt);
            }
        }
    }

    /** Whether {@code latest} holds anything the newest release does not: what {@link #finish} would publish. */
    boolean found(FunctionConfig latest) {
        return found(log.newestIfAny(latest.name()), latest).isPresent();
    }

    /**
     * A planned change's finish: publishes what {@code latest} (as the plan observed it) holds beyond the
     * newest release with its RevisionId as precondition, and never retries: a lost race means the plan no
     * longer holds ({@link io.lambdoku.core.lambda.PreconditionFailedException} reaches the caller). Returns
     * $LATEST as it is afterwards, for the change's first write.
     */
    Outcome finishObserved(FunctionConfig latest) {
        Optional<Release> newest = log.newestIfAny(latest.name());
        Optional<String> found = found(newest, latest);
        if (found.isEmpty()) {
            return new Outcome(Optional.empty(), Optional.of(latest));
        }
        FunctionConfig version = api.publishVersion(latest.name(), message(newest, latest, found.get()),
                Optional.of(latest.codeSha256()), Optional.of(latest.revisionId()));
        // publishing gave $LATEST a new RevisionId; its content is what was just released
        FunctionConfig after = waiter.settled(api.getFunction(latest.name(), FunctionConfig.LATEST));
        return new Outcome(Optional.of(new Recovered(found.get(), Release.of(version))), Optional.of(after));
    }

    /**
     * What $LATEST holds that the newest release does not, worded "code 3f2a9c1d, config A, B, memory
     * 128 -> 256"; empty when they are the same (a version description is not part of it).
     */
    public static Optional<String> found(Optional<Release> newest, FunctionConfig latest) {
        if (newest.isEmpty()) {
            return Optional.of("no release yet");
        }
        Release release = newest.get();
        List<String> parts = new ArrayList<>();
        if (!release.codeSha256().equals(latest.codeSha256())) {
            parts.add("code " + Release.sha8(latest.codeSha256()));
        }
        TreeSet<String> keys = changedKeys(release.settings().environment(), latest.settings().environment());
        if (!keys.isEmpty()) {
            parts.add("config " + String.join(", ", keys));
        }
        parts.addAll(ConfigDiff.settingChanges(release.settings(), latest.settings()));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    private static String message(Optional<Release> newest, FunctionConfig latest, String found) {
        if (newest.isEmpty()) {
            return "Create"; // created, never published: the first release of every function
        }
        String recorded = latest.description();
        if (!recorded.isBlank() && !recorded.equals(newest.get().description())) {
            return recorded;
        }
        String text = "Recover " + found;
        return text.length() <= LambdaLimits.MAX_DESCRIPTION ? text
                : text.substring(0, LambdaLimits.MAX_DESCRIPTION - 3) + "...";
    }

    private static TreeSet<String> changedKeys(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> keys = new TreeSet<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                keys.add(k);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(keys::add);
        return keys;
    }

}
