package io.lambdoku.core.formation;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.core.lock.Guard;
import io.lambdoku.core.plan.Engine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * One reconcile of one row, level-triggered: read the row, compare what it asks for with the world, converge
 * (release, tag, alias live, URL, concurrency), then write back what is true now, conditional on the row still
 * being what was read. No row: the function this table manages under that name is destroyed. Runs under the
 * function's lock, so a deploy or config:set by someone else never interleaves with it.
 */
public final class Reconciler implements Reactor.RowReconcile {

    /** The app's alias: what the URL serves and provisioned concurrency keeps warm. */
    public static final String LIVE = "live";

    /**
     * {@code privateAuth}: a URL's auth when the row is not Public (AWS_IAM on AWS; NONE locally, where the URL is
     * loopback only). {@code base}: what a relative Source is relative to. {@code who}: the activity record's name.
     */
    public record Settings(UrlAuth privateAuth, Path base, String who) {
        public Settings {
            Objects.requireNonNull(privateAuth, "privateAuth");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(who, "who");
        }
    }

    private final LambdaApi api;
    private final FormationStore store;
    private final Guard guard;
    private final UrlProbe probe;
    private final Activity activity;
    private final ReactorEvents events;
    private final Clock clock;
    private final Settings settings;
    private final ReleaseChoice releases;
    private final AppShape shape;

    public Reconciler(LambdaApi api, FormationStore store, Engine engine, Guard guard, UrlProbe probe, Activity activity,
                      Events steps, ReactorEvents events, Clock clock, Settings settings) {
        this.api = api;
        this.store = store;
        this.guard = guard;
        this.probe = probe;
        this.activity = activity;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.releases = new ReleaseChoice(api, engine, steps, settings.base());
        this.shape = new AppShape(api, steps, events);
    }

    @Override
    public Outcome reconcile(String name) {
        Optional<FormationRow> row = store.get(name);
        return row.isPresent() ? converge(row.get()) : destroyIfOurs(name);
    }

    private Outcome converge(FormationRow row) {
        Progress progress = new Progress(row);
        try {
            // formation:set checks a desire before writing it; a row another client wrote is checked here
            DesiredRules.problem(row.name(), row.desired()).ifPresent(problem -> {
                throw new FormationException(problem);
            });
            if (progress.newDesire()) {
                progress.deploying("Reconciling generation " + row.generation() + ".");
            }
            Observed now = guard.holding(row.name(), "reactor", () -> apply(progress));
            // Ready only when the URL answers; asked outside the lock, as a probe may wait on a cold start
            Optional<String> problem = progress.toProbe.flatMap(probe::problem);
            if (problem.isPresent()) {
                throw new FormationException("The URL does not answer: " + problem.get());
            }
            return write(progress, now);
        } catch (LostWrite lost) {
            return Outcome.again(row.generation());
        } catch (RuntimeException e) {
            String reason = sentence(e);
            Observed failed = progress.observed(FormationStatus.FAILED, reason, progress.url, progress.release);
            write(progress, failed);
            return Outcome.failed(row.generation(), reason);
        }
    }

    /** The steps, in order; what they end in is the status to write back. */
    private Observed apply(Progress p) {
        String name = p.row.name();
        Desired d = p.row.desired();
        boolean creating = shape.missingOrOurs(name, store.managerTag(), store.describe());
        ReleaseChoice.Chosen chosen = releases.choose(name, d, message -> p.deploying("Releasing " + message + "."));
        chosen.deployed().ifPresent(m -> {
            events.action(name, "deploy", "v" + chosen.release() + " " + m);
            record(name, "reactor deployed v" + chosen.release(), m);
        });
        p.release = Optional.of(chosen.release());
        if (creating) {
            shape.tag(name, store.managerTag());
        }
        shape.pointLive(name, chosen.release());
        FunctionUrl url = shape.url(name, d.isPublic() ? UrlAuth.NONE : settings.privateAuth());
        p.url = Optional.of(url.url());
        if (d.scale() <= 0) {
            shape.stop(name);
            return p.observed(FormationStatus.STOPPED, "Scale 0: every invoke is throttled.", p.url, p.release);
        }
        ProvisionedConcurrency pc = shape.scale(name, d.scale());
        if (pc.status() == ProvisionedConcurrency.Status.FAILED) {
            throw new FormationException("Provisioned concurrency " + d.scale() + " on " + LIVE + " failed: "
                    + pc.statusReason().orElse("no reason given") + ".");
        }
        if (pc.status() == ProvisionedConcurrency.Status.IN_PROGRESS) {
            return p.observed(FormationStatus.DEPLOYING, "Provisioned concurrency: " + pc.allocated() + " of " + pc.requested()
                    + " environments ready.", p.url, p.release);
        }
        p.toProbe = Optional.of(url);
        return p.observed(FormationStatus.READY, "", p.url, p.release);
    }

    /** Writes {@code now} back when it differs from what the row holds; a refused write means the row changed. */
    private Outcome write(Progress p, Observed now) {
        if (!p.report(now)) {
            return Outcome.again(p.row.generation());
        }
        return switch (now.status()) {
            case DEPLOYING -> Outcome.waiting(p.row.generation(), now.reason());
            case FAILED -> Outcome.failed(p.row.generation(), now.reason());
            default -> Outcome.done(p.row.generation());
        };
    }

    /**
     * No row: a function of ours by that name is destroyed (the row may have gone while no reactor ran). formation:set
     * takes no function lock, so the row may come back meanwhile: the tag goes first, then the row is read again, and
     * only then is the function deleted; a row back by then gets the tag back and is converged instead.
     */
    private Outcome destroyIfOurs(String name) {
        if (!shape.managedBy(name, store.managerTag())) {
            return Outcome.gone();
        }
        try {
            Optional<FormationRow> back = guard.holding(name, "reactor destroy", () -> destroy(name));
            return back.isPresent() ? converge(back.get()) : Outcome.gone();
        } catch (ResourceNotFoundException e) {
            return Outcome.gone();
        } catch (RuntimeException e) {
            return Outcome.failed(-1, "Destroying " + name + " failed: " + sentence(e));
        }
    }

    /** The row when it came back (the function kept, tagged again); empty when the function was deleted. */
    private Optional<FormationRow> destroy(String name) {
        Optional<FormationRow> back = store.get(name);
        if (back.isPresent()) {
            return back;
        }
        shape.untag(name);
        back = store.get(name);
        if (back.isPresent()) {
            shape.tag(name, store.managerTag());
            return back;
        }
        events.action(name, "destroy", "row deleted from " + store.describe());
        try {
            api.deleteFunction(name);
        } catch (ResourceNotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            shape.tag(name, store.managerTag()); // still ours: the next resync tries again
            throw e;
        }
        record(name, "reactor destroyed", "row deleted from " + store.describe());
        return Optional.empty();
    }

    private void record(String name, String what, String detail) {
        try {
            activity.record(name, new ActivityEvent(clock.instant(), settings.who(), what, detail));
        } catch (RuntimeException e) {
            // the activity record is a courtesy; the reconcile itself stands
        }
    }

    static String sentence(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName() + ".";
        }
        m = m.strip();
        return m.endsWith(".") || m.endsWith("?") || m.endsWith(")") ? m : m + ".";
    }

    /** Thrown out of the steps when a status write was refused: the row changed, so start over. */
    private static final class LostWrite extends RuntimeException {
        LostWrite() {
            super(null, null, false, false);
        }
    }

    /** One reconcile's state: the row as read, what was learnt so far, and the status last written. */
    private final class Progress {
        final FormationRow row;
        Optional<Observed> written;
        Optional<String> release;
        Optional<String> url;
        Optional<FunctionUrl> toProbe = Optional.empty();
        boolean deployingSaid;

        Progress(FormationRow row) {
            this.row = row;
            this.written = row.observed();
            this.release = row.observed().flatMap(Observed::observedVersion);
            this.url = row.observed().flatMap(Observed::url);
        }

        boolean newDesire() {
            return written.map(o -> o.observedGeneration() != row.generation()).orElse(true);
        }

        void deploying(String reason) {
            if (deployingSaid) {
                return;
            }
            deployingSaid = true;
            if (!report(observed(FormationStatus.DEPLOYING, reason, url, release))) {
                throw new LostWrite();
            }
        }

        Observed observed(FormationStatus status, String reason, Optional<String> url, Optional<String> release) {
            return new Observed(status, reason, url, release, row.generation(), clock.instant());
        }

        /** Writes only a change (the write is itself a change the feed reports); false when the row changed. */
        boolean report(Observed now) {
            if (written.isPresent() && written.get().sameStateAs(now)) {
                return true;
            }
            if (!store.report(row, now)) {
                return false;
            }
            written = Optional.of(now);
            events.action(row.name(), "status", now.status().word() + (now.reason().isEmpty() ? "" : ": " + now.reason())
                    + now.url().filter(u -> now.status() == FormationStatus.READY).map(u -> " " + u).orElse(""));
            return true;
        }
    }
}
