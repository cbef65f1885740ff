package io.lambdoku.aws;

import io.lambdoku.core.lambda.ConcurrencyScenarios;
import io.lambdoku.core.lambda.LambdaApi;
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
 * The concurrency scenarios through the aws adapter against 'local serve' (moto does not route provisioned
 * concurrency): the adapter's mapping of Lambda's answers and errors, over the wire, against the local rules.
 */
class AwsConcurrencyScenariosOverLocalServeIT extends ConcurrencyScenarios {

    @TempDir
    Path home;

    private LocalLambda local;
    private LocalServer server;
    private AwsLambda aws;

    @BeforeEach
    void start() {
        local = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ofMillis(40)));
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
}
