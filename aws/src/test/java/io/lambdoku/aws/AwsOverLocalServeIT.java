package io.lambdoku.aws;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.ReleaseScenarios;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.server.LocalServer;
import io.lambdoku.local.server.ServeOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release scenarios through the aws adapter against lambdoku's own AWS-wire server, which keeps
 * every update InProgress for a while so the adapter's waiting and RevisionId handling are exercised
 * over HTTP. No artifact bucket: rollback and promote fetch code through Code.Location.
 */
class AwsOverLocalServeIT extends ReleaseScenarios {

    @TempDir
    Path home;

    private LocalLambda local;
    private LocalServer server;
    private AwsLambda aws;

    @BeforeEach
    void start() {
        local = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ofMillis(40)));
        // verifying with the secret, so every request the SDK signs is checked by local serve's SigV4
        server = LocalServer.start(local, ServeOptions.loopback(0).withAccessKey(new AccessKey("test", "test")));
        URI endpoint = URI.create("http://127.0.0.1:" + server.address().getPort());
        aws = AwsLambda.open(new AwsOptions(Optional.of("us-east-1"), Optional.empty(), Optional.of(endpoint),
                Optional.empty(), Optional.of(new AwsOptions.StaticKeys("test", "test", Optional.empty()))));
    }

    @AfterEach
    void stop() {
        aws.close();
        server.close();
        local.close();
    }

    @Override
    protected LambdaApi api() {
        return aws;
    }

    /** A key of local serve's own KMS: KMSKeyArn travels over the wire both ways. */
    @Override
    protected Optional<String> atRestKey() {
        return Optional.of(new io.lambdoku.local.kms.LocalKms(local).createKey("alias/at-rest", "the scenarios' at-rest key"));
    }
}
