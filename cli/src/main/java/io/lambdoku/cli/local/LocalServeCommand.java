package io.lambdoku.cli.local;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.dashboard.DashboardServer;
import io.lambdoku.local.server.ServedInvoker;
import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.auth.StoredAccessKey;
import io.lambdoku.local.infra.InfraLoop;
import io.lambdoku.local.infra.LocalInfra;
import io.lambdoku.cli.reactor.ReactorCommand;
import io.lambdoku.cli.reactor.Reactors;
import io.lambdoku.core.formation.Reactor;
import io.lambdoku.local.server.LocalServer;
import io.lambdoku.local.server.ServeOptions;
import io.lambdoku.local.store.StoreException;
import io.lambdoku.local.tls.ServerCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "local:serve", description = {
    "Serve the local backend over the AWS Lambda REST API, the functions' logs over CloudWatch Logs",
    "(group /aws/lambda/NAME) and the store's keys over KMS, so the AWS CLI, boto3, the SDKs and",
    "'lambdoku --backend aws --endpoint-url URL' work against it. Runs until stopped (Ctrl-C or SIGTERM).",
    "Requests must be SigV4-signed, as AWS clients sign them; on loopback any access key goes, elsewhere only",
    "the one given here."})
public final class LocalServeCommand extends BaseCommand {

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: 9001).")
    int port = 9001;

    @Option(names = "--host", paramLabel = "HOST", description = {"Address to bind (default: 127.0.0.1, loopback only); any other",
        "needs --access-key-id/--secret-access-key or --generate-credentials."})
    String host = "127.0.0.1";

    @Option(names = "--access-key-id", paramLabel = "ID",
            description = "Verify every request's signature with this access key (with --secret-access-key).")
    String accessKeyId;

    @Option(names = "--secret-access-key", paramLabel = "SECRET", description = "The secret of --access-key-id.")
    String secretAccessKey;

    @Option(names = "--generate-credentials", description = {"Verify signatures with an access key generated once into the store",
        "(local/credentials.json, mode 0600) and printed at start."})
    boolean generateCredentials;

    @Option(names = "--update-delay-ms", paramLabel = "MS",
            description = {"Keep State Pending / LastUpdateStatus InProgress this long after each change, as Lambda does",
                "(default: 200; 0 turns it off)."})
    Long updateDelayMs;

    @Option(names = "--tls", description = {"Serve HTTPS with a self-signed certificate for 127.0.0.1 and localhost, made once",
        "into the store; clients trust its PEM copy (AWS_CA_BUNDLE, NODE_EXTRA_CA_CERTS)."})
    boolean tls;

    @Option(names = "--reactor", description = {"Also run the reactor here (see 'lambdoku reactor'): it reconciles the formation",
        "table through this server, which serves the apps' URLs and keeps their provisioned environments warm."})
    boolean reactor;

    @Option(names = "--resync", paramLabel = "DURATION", description = "With --reactor: reconcile every row this often (default: 30s).")
    String resync;

    public LocalServeCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        if (port < 0 || port > 65535) {
            session.output().error("--port must be between 0 and 65535, not " + port + ".");
            return ExitCodes.USAGE;
        }
        if (updateDelayMs != null && (updateDelayMs < 0 || updateDelayMs > 600_000)) {
            session.output().error("--update-delay-ms must be between 0 and 600000, not " + updateDelayMs + ".");
            return ExitCodes.USAGE;
        }
        if (resync != null && !reactor) {
            session.output().error("--resync goes with --reactor.");
            return ExitCodes.USAGE;
        }
        Duration resyncEvery = ReactorCommand.resyncOf(resync == null ? "30s" : resync);
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            session.output().error("--access-key-id and --secret-access-key go together.");
            return ExitCodes.USAGE;
        }
        if (generateCredentials && accessKeyId != null) {
            session.output().error("Give --access-key-id and --secret-access-key, or --generate-credentials, not both.");
            return ExitCodes.USAGE;
        }
        boolean beyondLoopback = beyondLoopback(host);
        if (beyondLoopback && accessKeyId == null && !generateCredentials) {
            session.output().error("Serving on " + host + " would let anyone who reaches it run commands as you: give"
                    + " --access-key-id and --secret-access-key (or --generate-credentials), and --tls.");
            return ExitCodes.USAGE;
        }
        Optional<AccessKey> givenKey;
        try {
            givenKey = accessKeyId == null ? Optional.empty() : Optional.of(new AccessKey(accessKeyId, secretAccessKey));
        } catch (IllegalArgumentException e) {
            session.output().error(e.getMessage());
            return ExitCodes.USAGE;
        }
        LocalOptions options = LocalOptions.fromEnvironment(launch.env());
        if (updateDelayMs == null && !launch.env().containsKey("LAMBDOKU_LOCAL_UPDATE_DELAY_MS")) {
            updateDelayMs = LocalOptions.SERVE_UPDATE_DELAY.toMillis(); // see there why
        }
        if (updateDelayMs != null) {
            options = new LocalOptions(options.home(), options.region(), Duration.ofMillis(updateDelayMs));
        }
        Duration tick = InfraLoop.tick(launch.env());
        LocalLambda lambda = LocalLambda.open(options);
        Optional<ServerCertificate> certificate;
        Optional<StoredAccessKey.Loaded> stored;
        try {
            certificate = tls ? Optional.of(ServerCertificate.loadOrCreate(options.storeDir())) : Optional.empty();
        } catch (StoreException e) {
            lambda.close();
            session.output().error("Cannot serve HTTPS: " + e.getMessage() + ".");
            return ExitCodes.FAILURE;
        }
        try {
            stored = generateCredentials ? Optional.of(StoredAccessKey.loadOrCreate(options.storeDir())) : Optional.empty();
        } catch (StoreException e) {
            lambda.close();
            session.output().error("Cannot generate credentials: " + e.getMessage() + ".");
            return ExitCodes.FAILURE;
        }
        Optional<AccessKey> key = stored.map(StoredAccessKey.Loaded::key).or(() -> givenKey);
        LocalServer server;
        try {
            server = LocalServer.start(lambda, new ServeOptions(host, port, certificate.map(ServerCertificate::serverContext), key),
                    session.events());
        } catch (UncheckedIOException e) {
            lambda.close();
            session.output().error("Cannot listen on " + host + ":" + port + " (" + e.getCause().getMessage()
                    + "); pick another --port.");
            return ExitCodes.FAILURE;
        }
        // fires schedules and evaluates alarms; its problems (a schedule that could not fire) go to stderr
        InfraLoop infraLoop = InfraLoop.start(lambda, server.invoker(), Clock.systemUTC(), tick,
                session.output()::note);
        String endpoint = server.endpoint().toString();
        Optional<DashboardServer> dashboard = mountDashboard(session, server, beyondLoopback || certificate.isPresent());
        // lets 'lambdoku invoke' on this store use this server's warm environments; written before the
        // banner, so whoever waits for the banner finds it
        Path served = options.storeDir().resolve(ServedInvoker.FILE);
        writeServed(served, ServedInvoker.describe(server.endpoint(), options.region(), key));
        // printed in full only when generated here: a secret given on the command line is the user's already
        String secretShown = stored.map(s -> s.key().secret()).orElse("<your --secret-access-key>");
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("endpoint", endpoint);
            m.put("store", options.storeDir().toString());
            certificate.ifPresent(c -> m.put("caBundle", c.pem().toString()));
            m.put("verifiesSignatures", key.isPresent());
            key.ifPresent(k -> m.put("accessKeyId", k.id()));
            dashboard.ifPresent(d -> m.put("dashboard", d.url(server.address().getPort()).toString()));
            stored.ifPresent(s -> {
                m.put("secretAccessKey", s.key().secret());
                m.put("credentialsFile", s.file().toString());
            });
            session.output().json(m);
        } else {
            session.output().line("lambdoku local serve: listening on " + endpoint + " (store " + options.storeDir() + ")");
            if (beyondLoopback) {
                session.output().line("Bound to " + host + ":" + server.address().getPort() + ": reachable from other machines.");
            }
            certificate.ifPresent(c -> {
                session.output().line("TLS: self-signed certificate of this store, " + c.pem() + "; trust it with");
                session.output().line("  export AWS_CA_BUNDLE=" + c.pem() + " NODE_EXTRA_CA_CERTS=" + c.pem());
            });
            if (key.isPresent()) {
                session.output().line("Auth: every request's SigV4 signature is verified with access key " + key.get().id()
                        + stored.map(s -> (s.created() ? ", generated into " : ", kept in ") + s.file()).orElse("") + "; sign with");
                session.output().line("  export AWS_ACCESS_KEY_ID=" + key.get().id() + " AWS_SECRET_ACCESS_KEY=" + secretShown);
            } else {
                session.output().line("Auth: requests must be SigV4-signed (AWS clients sign); on loopback any access key goes, e.g.");
                session.output().line("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local");
            }
            dashboard.ifPresent(d -> session.output().line("Dashboard: " + d.url(server.address().getPort())));
            session.output().line("Schedules: fired here ('lambdoku schedules'); alarms: evaluated here ('lambdoku alarms').");
            if (reactor) {
                session.output().line("Reactor: reconciling the formation table here every " + resyncEvery.toSeconds()
                        + " s and on each change ('lambdoku formation').");
            }
            session.output().line("Try: aws lambda list-functions --endpoint-url " + endpoint);
            session.output().line("     aws logs filter-log-events --endpoint-url " + endpoint + " --log-group-name /aws/lambda/NAME");
            session.output().line("     aws kms list-aliases --endpoint-url " + endpoint);
        }
        if (beyondLoopback && certificate.isEmpty()) {
            session.output().note("Warning: without --tls, requests, function code and config vars cross the network in clear"
                    + " text; serve with --tls.");
        }
        session.launch().out().flush();
        // after the banner (whoever waits for it reads the reactor's lines after it) and with the server up and
        // recorded: the URLs the reactor makes name this server, and its probe finds them answering
        Optional<Reactor> reactorLoop = reactor ? Optional.of(startReactor(session, lambda, resyncEvery)) : Optional.empty();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(served);
            } catch (IOException e) {
                // a stale file is ignored by readers once this process is gone
            }
            reactorLoop.ifPresent(Reactor::close);
            dashboard.ifPresent(DashboardServer::close);
            infraLoop.close();
            server.close();
            lambda.close();
            stopped.countDown();
        }, "lambdoku-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /**
     * The dashboard at / of a plain-HTTP loopback server, for this store: its token and cookies are for loopback names,
     * and its pages read the local backend (not another one LAMBDOKU_BACKEND may name).
     */
    private static Optional<DashboardServer> mountDashboard(Session session, LocalServer server, boolean beyondLoopbackOrTls) {
        if (beyondLoopbackOrTls || !"local".equals(session.backendName())) {
            return Optional.empty();
        }
        DashboardServer dashboard = DashboardServer.forPort(session, server.address().getPort());
        server.serveBrowserPages(dashboard);
        return Optional.of(dashboard);
    }

    /** The reactor on this server's backend, in a thread of its own; its lines go to stdout with the server's. */
    private static Reactor startReactor(Session session, LocalLambda lambda, Duration resync) {
        Reactor r = Reactors.build(session, lambda, new LocalInfra(lambda), session.formation(Optional.empty()), true,
                Reactors.httpProbe(), Reactors.lines(session), resync);
        Thread t = new Thread(r::run, "lambdoku-serve-reactor");
        t.setDaemon(true);
        t.start();
        return r;
    }

    /** Mode 0600 from the start: it may hold the access key, as credentials.json does. */
    private static void writeServed(Path file, Map<String, Object> description) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "serve", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, JSON.std.asBytes(description));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // invocations from other processes then run in-process; serving still works
        }
    }

    /** Whether {@code host} is an address other machines may reach; an unknown name fails at bind, saying so. */
    private static boolean beyondLoopback(String host) {
        try {
            return !InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
