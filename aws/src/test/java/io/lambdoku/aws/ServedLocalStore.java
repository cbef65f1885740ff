package io.lambdoku.aws;

import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.server.LocalServer;
import io.lambdoku.local.server.ServeOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A local store served by 'local serve' and the aws adapter pointed at it, for running core's scenarios over the
 * wire. The server verifies the key the adapter signs with, so every request the SDK signs is checked by its SigV4.
 */
final class ServedLocalStore implements AutoCloseable {

    private final LocalLambda local;
    private final LocalServer server;
    private final AwsLambda aws;

    /** {@code updateDelay}: how long each update stays InProgress, so the adapter's waiting is exercised. */
    ServedLocalStore(Path home, Duration updateDelay) {
        local = LocalLambda.open(new LocalOptions(home, "us-east-1", updateDelay));
        server = LocalServer.start(local, ServeOptions.loopback(0).withAccessKey(new AccessKey("test", "test")));
        URI endpoint = URI.create("http://127.0.0.1:" + server.address().getPort());
        aws = AwsLambda.open(new AwsOptions(Optional.of("us-east-1"), Optional.empty(), Optional.of(endpoint),
                Optional.empty(), Optional.of(new AwsOptions.StaticKeys("test", "test", Optional.empty()))));
    }

    LocalLambda local() {
        return local;
    }

    AwsLambda aws() {
        return aws;
    }

    @Override
    public void close() {
        aws.close();
        server.close();
        local.close();
    }
}
