package io.lambdoku.core.release;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.UpdateInProgressException;
import io.lambdoku.core.lambda.UpdateStatus;
import java.util.Optional;

/**
 * The read-modify-write protocol every release goes through (design.md §3): read $LATEST with its
 * RevisionId, apply the change, write with that RevisionId, wait for the update to settle, publish
 * with the RevisionId the write returned. A lost race re-reads and re-applies the change, with
 * jittered backoff, a bounded number of times. No tool that skips RevisionId can keep ten concurrent
 * config:set of ten keys; this one does.
 *
 * <p>The first write also puts the release message into $LATEST's Description, and before a change is
 * applied, whatever an interrupted change left unpublished on $LATEST is released ({@link PendingRelease}).
 */
public final class AtomicRelease {

    private final LambdaApi api;
    private final Events events;
    private final Backoff backoff;
    private final UpdateWaiter waiter;
    private final PendingRelease pending;

    public AtomicRelease(LambdaApi api, Events events, Backoff backoff) {
        this.api = api;
        this.events = events;
        this.backoff = backoff;
        this.waiter = new UpdateWaiter(api, events);
        this.pending = new PendingRelease(api, events, backoff);
    }

    public AtomicRelease(LambdaApi api, Events events) {
        this(api, events, Backoff.DEFAULT);
    }

    public ReleaseOutcome apply(String function, Change change, String unchangedMessage) {
        PendingRelease.Outcome finished = pending.finish(function);
        return applyChange(function, change, unchangedMessage, finished.latest()).withRecovered(finished.recovered());
    }

    /**
     * What {@link #apply} would answer when reading alone shows it: $LATEST settled, holding nothing the newest release
     * does not, and {@code change} changing nothing. Empty when it may write, and whenever apply's answer could differ
     * (an update in progress, a change it refuses: apply releases what is unreleased first). It only reads, so a
     * caller may ask before taking the function's lock (see AppCommand, which still asks whether another run holds
     * it). What it read may change right after; the answer was true when read, as a locked no-op's is when the lock
     * is released. A change costs one more read of $LATEST than apply alone.
     */
    public Optional<ReleaseOutcome> unchanged(String function, Change change, String unchangedMessage) {
        FunctionConfig latest = api.getFunction(function, FunctionConfig.LATEST);
        if (latest.settling() || latest.lastUpdateStatus() == UpdateStatus.FAILED) {
            return Optional.empty();
        }
        try {
            if (change.against(latest).isPresent()) {
                return Optional.empty();
            }
        } catch (RuntimeException refused) {
            return Optional.empty(); // apply reports it, after releasing what $LATEST holds unreleased
        }
        return pending.found(latest) ? Optional.empty() : Optional.of(ReleaseOutcome.unchanged(function, unchangedMessage));
    }

    /**
     * A planned change (lambdoku apply of a plan file): made on exactly the $LATEST the plan observed, whose
     * RevisionId is the precondition of the first write, and never re-applied on a lost race, which is
     * reported instead ({@link PreconditionFailedException}): what was reviewed no longer holds. What an
     * interrupted change left on $LATEST is released first, as {@link #apply} does.
     */
    public ReleaseOutcome applyObserved(FunctionConfig observed, Optional<Update> update, String unchangedMessage) {
        PendingRelease.Outcome finished = pending.finishObserved(waiter.settled(observed));
        FunctionConfig latest = finished.latest().orElseThrow();
        if (update.isEmpty()) {
            return ReleaseOutcome.unchanged(observed.name(), unchangedMessage).withRecovered(finished.recovered());
        }
        return publish(write(latest, update.get()), update.get().description()).withRecovered(finished.recovered());
    }

    /** {@code alreadyRead}: $LATEST as just read and settled, for the first attempt (one call less per change). */
    private ReleaseOutcome applyChange(String function, Change change, String unchangedMessage,
                                       Optional<FunctionConfig> alreadyRead) {
        Optional<String> pendingDescription = Optional.empty();
        for (int attempt = 1; ; attempt++) {
            FunctionConfig latest = attempt == 1 && alreadyRead.isPresent() ? alreadyRead.get()
                    : waiter.settled(api.getFunction(function, FunctionConfig.LATEST));
            Optional<Update> update = change.against(latest);
            try {
                if (update.isEmpty()) {
                    return pendingDescription.isEmpty()
                            ? ReleaseOutcome.unchanged(function, unchangedMessage)
                            : publish(latest, pendingDescription.get());
                }
                pendingDescription = Optional.of(update.get().description());
                return publish(write(latest, update.get()), update.get().description());
            } catch (PreconditionFailedException | UpdateInProgressException raced) {
                if (backoff.exhausted(attempt)) {
                    throw new GaveUpException(function, attempt, raced);
                }
                events.retrying(function, attempt, raced.getMessage());
                backoff.pause(attempt);
            }
        }
    }

    /**
     * Our write landed but a later writer beat our publish: they read after our write, so $LATEST
     * still holds our change; publishing it now either makes our release or returns theirs, which
     * contains our change too.
     */
    private ReleaseOutcome publish(FunctionConfig written, String description) {
        FunctionConfig version = api.publishVersion(written.name(), description,
                Optional.of(written.codeSha256()), Optional.of(written.revisionId()));
        return ReleaseOutcome.released(Release.of(version));
    }

    /**
     * Returns $LATEST as our last write left it, carrying that write's RevisionId for the publish. The
     * first write carries the release message as $LATEST's Description (a code-only change writes it
     * alone, first), so a change cut short before its publish can be released under its own message.
     */
    private FunctionConfig write(FunctionConfig latest, Update update) {
        FunctionConfig current = latest;
        boolean settings = update.settings().isPresent() && !update.settings().get().equals(current.settings());
        boolean code = update.code().isPresent() && !update.code().get().codeSha256().equals(current.codeSha256());
        if (settings || code && !current.description().equals(update.description())) {
            current = api.updateFunctionConfiguration(current.name(),
                    settings ? update.settings().get() : current.settings(), Optional.of(update.description()),
                    Optional.of(current.revisionId()));
            current = waiter.settled(current);
        }
        if (code) {
            current = api.updateFunctionCode(current.name(), update.code().get(), Optional.of(current.revisionId()));
            current = waiter.settled(current);
        }
        return current;
    }

    /** Too many lost races in a row; nothing of this change was published. */
    public static final class GaveUpException extends LambdaException {
        public GaveUpException(String function, int attempts, RuntimeException last) {
            super("Gave up changing " + function + " after " + attempts
                    + " attempts lost to concurrent changes; run the command again.", last);
        }
    }
}
