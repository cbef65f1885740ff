package io.lambdoku.aws;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.ReleaseScenarios;
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

    private ServedAws served;

    @BeforeEach
    void start() {
        // verifying with the secret, so every request the SDK signs is checked by local serve's SigV4
        served = ServedAws.start(home, Duration.ofMillis(40));
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Override
    protected LambdaApi api() {
        return served.aws();
    }

    /** A key of local serve's own KMS: KMSKeyArn travels over the wire both ways. */
    @Override
    protected Optional<String> atRestKey() {
        return Optional.of(new io.lambdoku.local.kms.LocalKms(served.local()).createKey("alias/at-rest", "the scenarios' at-rest key"));
    }
}
