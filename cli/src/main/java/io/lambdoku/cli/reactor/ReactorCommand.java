package io.lambdoku.cli.reactor;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.DurationText;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.Reactor;
import io.lambdoku.aws.AwsLambda;
import io.lambdoku.core.formation.HttpUrlProbe;
import io.lambdoku.core.formation.UrlProbe;
import io.lambdoku.local.LocalLambda;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reactor", description = {
    "Make the formation table true until stopped (Ctrl-C or SIGTERM): each row's Version deployed (a release, an alias",
    "or git:REF of Source), alias live on it with a function URL, Scale as provisioned concurrency (0 stops the app),",
    "status written back; a deleted row's function destroyed. Reconciles on every change and every --resync.",
    "One line per action (--json: one JSON object per line). Locally 'local serve --reactor' runs it and serves the URLs."})
public final class ReactorCommand extends BaseCommand {

    @Option(names = "--resync", paramLabel = "DURATION", description = "Reconcile every row this often besides on changes"
            + " (default: 30s).")
    String resync = "30s";

    @Option(names = "--table", paramLabel = "TABLE", description = "The DynamoDB table (aws; default: lambdoku-formation).")
    String table;

    public ReactorCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        Duration every = resyncOf(resync);
        FormationStore store = session.formation(Optional.ofNullable(table));
        boolean local = session.api() instanceof LocalLambda;
        // on AWS the probe signs AWS_IAM URLs and knows an endpoint override's URLs are not served; 'local serve' as
        // the endpoint gives out *.localhost URLs, asked at their loopback form
        UrlProbe probe = session.api() instanceof AwsLambda aws ? HttpUrlProbe.viaLoopback(aws.urlProbe()) : Reactors.httpProbe();
        Reactor reactor = Reactors.build(session, session.api(), session.infra(), store, local, probe,
                Reactors.lines(session), every);
        if (!session.output().json()) {
            session.output().note("lambdoku reactor: reconciling " + store.describe() + " every " + resync
                    + " and on each change; Ctrl-C stops.");
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            reactor.close();
            awaitQuietly(done);
        }, "lambdoku-reactor-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            reactor.run();
        } finally {
            done.countDown();
        }
        return ExitCodes.OK;
    }

    /** Between 1 s and a day: a faster resync would only load the backend. */
    public static Duration resyncOf(String text) {
        Duration d = DurationText.parse("--resync", text);
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new UsageException("--resync must be between 1s and 1d, not " + text + ".");
        }
        return d;
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await(java.util.concurrent.TimeUnit.SECONDS.toMillis(40), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
