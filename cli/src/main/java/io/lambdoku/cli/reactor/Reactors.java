package io.lambdoku.cli.reactor;

import io.lambdoku.cli.Session;
import io.lambdoku.cli.app.CreateCommand;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.HttpUrlProbe;
import io.lambdoku.core.formation.Reactor;
import io.lambdoku.core.formation.ReactorEvents;
import io.lambdoku.core.formation.Reconciler;
import io.lambdoku.core.formation.UrlProbe;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.core.plan.Engine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A reactor wired for a session: {@code api} and {@code infra} are the backend it changes (in {@code local serve},
 * the server's own, so the server's keeper sees the provisioned concurrency it sets); locks and the activity record
 * are the session's, which live in the same store or bucket.
 */
public final class Reactors {

    private Reactors() {
    }

    /** {@code local}: a URL's auth is NONE (local serve is loopback only); on AWS it is AWS_IAM unless the row is Public. */
    public static Reactor build(Session session, LambdaApi api, Infra infra, FormationStore store, boolean local,
                                UrlProbe probe, ReactorEvents events, Duration resync) {
        Engine engine = new Engine(api, infra, session.guard(), session.events(),
                new Engine.Options(local ? Optional.of(CreateCommand.LOCAL_ROLE) : Optional.empty(), false));
        Reconciler reconciler = new Reconciler(api, store, engine, session.guard(), probe, session.activity(),
                session.events(), events, Clock.systemUTC(),
                new Reconciler.Settings(local ? UrlAuth.NONE : UrlAuth.AWS_IAM, session.launch().cwd(), session.holder()));
        return Reactor.of(store, api, reconciler, events, Reactor.Options.resyncEvery(resync));
    }

    /** The probe of NONE URLs, which says of an AWS_IAM URL that it cannot sign. */
    public static UrlProbe httpProbe() {
        return new HttpUrlProbe();
    }

    public static ReactorEvents lines(Session session) {
        return new ReactorLines(session.output(), Clock.systemUTC());
    }
}
