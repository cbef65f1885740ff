package io.lambdoku.cli.local;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.invoke.ServedInvoker;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.server.LocalServer;
import io.lambdoku.local.store.StoreException;
import io.lambdoku.local.tls.ServerCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "local:serve", description = {
    "Serve the local backend over the AWS Lambda REST API, and the functions' logs over CloudWatch Logs",
    "(group /aws/lambda/NAME), so the AWS CLI, boto3, the SDKs and 'lambdoku --backend aws --endpoint-url URL'",
    "work against it. Runs until stopped (Ctrl-C or SIGTERM)."})
public final class LocalServeCommand extends BaseCommand {

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: 9001).")
    int port = 9001;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: 127.0.0.1, loopback only).")
    String host = "127.0.0.1";

    @Option(names = "--update-delay-ms", paramLabel = "MS",
            description = {"Keep State Pending / LastUpdateStatus InProgress this long after each change, as Lambda does",
                "(default: 200; 0 turns it off)."})
    Long updateDelayMs;

    @Option(names = "--tls", description = {"Serve HTTPS with a self-signed certificate for 127.0.0.1 and localhost, made once",
        "into the store; clients trust its PEM copy (AWS_CA_BUNDLE, NODE_EXTRA_CA_CERTS)."})
    boolean tls;

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
        LocalOptions options = LocalOptions.fromEnvironment(launch.env());
        if (updateDelayMs == null && !launch.env().containsKey("LAMBDOKU_LOCAL_UPDATE_DELAY_MS")) {
            updateDelayMs = LocalOptions.SERVE_UPDATE_DELAY.toMillis(); // see there why
        }
        if (updateDelayMs != null) {
            options = new LocalOptions(options.home(), options.region(), Duration.ofMillis(updateDelayMs));
        }
        LocalLambda lambda = LocalLambda.open(options);
        Optional<ServerCertificate> certificate;
        try {
            certificate = tls ? Optional.of(ServerCertificate.loadOrCreate(options.storeDir())) : Optional.empty();
        } catch (StoreException e) {
            lambda.close();
            session.output().error("Cannot serve HTTPS: " + e.getMessage() + ".");
            return ExitCodes.FAILURE;
        }
        LocalServer server;
        try {
            server = LocalServer.start(lambda, host, port, certificate.map(ServerCertificate::serverContext), session.events());
        } catch (UncheckedIOException e) {
            lambda.close();
            session.output().error("Cannot listen on " + host + ":" + port + " (" + e.getCause().getMessage()
                    + "); pick another --port.");
            return ExitCodes.FAILURE;
        }
        String endpoint = server.endpoint().toString();
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("endpoint", endpoint);
            m.put("store", options.storeDir().toString());
            certificate.ifPresent(c -> m.put("caBundle", c.pem().toString()));
            session.output().json(m);
        } else {
            session.output().line("lambdoku local serve: listening on " + endpoint + " (store " + options.storeDir() + ")");
            certificate.ifPresent(c -> {
                session.output().line("TLS: self-signed certificate of this store, " + c.pem() + "; trust it with");
                session.output().line("  export AWS_CA_BUNDLE=" + c.pem() + " NODE_EXTRA_CA_CERTS=" + c.pem());
            });
            session.output().line("Try: aws lambda list-functions --endpoint-url " + endpoint);
            session.output().line("     aws logs filter-log-events --endpoint-url " + endpoint + " --log-group-name /aws/lambda/NAME");
        }
        session.launch().out().flush();
        // lets 'lambdoku invoke' on this store use this server's warm environments
        Path served = options.storeDir().resolve(ServedInvoker.FILE);
        writeServed(served, endpoint);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(served);
            } catch (IOException e) {
                // a stale file is ignored by readers once this process is gone
            }
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

    private static void writeServed(Path file, String endpoint) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "serve", ".tmp");
            Files.writeString(tmp, "{\"endpoint\": \"" + endpoint + "\", \"pid\": " + ProcessHandle.current().pid() + "}");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // invocations from other processes then run in-process; serving still works
        }
    }
}
