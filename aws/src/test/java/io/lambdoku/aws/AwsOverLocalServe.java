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
 * The aws adapter pointed at lambdoku's own AWS-wire server on a store in {@code home}. The server verifies
 * signatures with the secret, so every request the SDK signs is checked by local serve's SigV4.
 */
final class AwsOverLocalServe implements AutoCloseable {

    final LocalLambda local;
    final LocalServer server;
    final AwsLambda aws;

    /** {@code updateDelay}: how long the local backend keeps each update InProgress. */
    AwsOverLocalServe(Path home, Duration updateDelay) {
        local = LocalLambda.open(new LocalOptions(home, "us-east-1", updateDelay));
        server = LocalServer.start(local, ServeOptions.loopback(0).withAccessKey(new AccessKey("test", "test")));
        URI endpoint = URI.create("http://127.0.0.1:" + server.address().getPort());
        aws = AwsLambda.open(new AwsOptions(Optional.of("us-east-1"), Optional.empty(), Optional.of(endpoint),
                Optional.empty(), Optional.of(new AwsOptions.StaticKeys("test", "test", Optional.empty()))));
    }

    @Override
    public void close() {
        aws.close();
        server.close();
        local.close();
    }
}
