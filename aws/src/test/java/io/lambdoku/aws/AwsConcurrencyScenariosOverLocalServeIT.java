package io.lambdoku.aws;

import io.lambdoku.core.lambda.ConcurrencyScenarios;
import io.lambdoku.core.lambda.LambdaApi;
import java.nio.file.Path;
import java.time.Duration;
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

    private ServedAws served;

    @BeforeEach
    void start() {
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
}
