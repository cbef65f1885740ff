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
 * A store served by lambdoku's own AWS-wire server on a free loopback port, verifying every SigV4 signature with
 * the key test/test, and the aws adapter pointed at it: the adapter's requests and answers over real HTTP.
 */
final class ServedAws implements AutoCloseable {

    private final LocalLambda local;
    private final LocalServer server;
    private final AwsLambda aws;

    private ServedAws(LocalLambda local, LocalServer server, AwsLambda aws) {
        this.local = local;
        this.server = server;
        this.aws = aws;
    }

    /** {@code updateDelay}: how long each update stays InProgress, so waiting is exercised too. */
    static ServedAws start(Path home, Duration updateDelay) {
        LocalLambda local = LocalLambda.open(new LocalOptions(home, "us-east-1", updateDelay));
        LocalServer server = LocalServer.start(local, ServeOptions.loopback(0).withAccessKey(new AccessKey("test", "test")));
        URI endpoint = URI.create("http://127.0.0.1:" + server.address().getPort());
        AwsLambda aws = AwsLambda.open(new AwsOptions(Optional.of("us-east-1"), Optional.empty(), Optional.of(endpoint),
                Optional.empty(), Optional.of(new AwsOptions.StaticKeys("test", "test", Optional.empty()))));
        return new ServedAws(local, server, aws);
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
