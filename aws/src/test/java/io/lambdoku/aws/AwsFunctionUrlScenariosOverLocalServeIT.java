package io.lambdoku.aws;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.url.FunctionUrlScenarios;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The URL scenarios through the aws adapter against lambdoku's own AWS-wire server, which (unlike moto) keeps a
 * URL per alias and implements ListFunctionUrlConfigs, but has no resource-based policies (AddPermission is an
 * unknown operation there, skipped by the adapter).
 */
class AwsFunctionUrlScenariosOverLocalServeIT extends FunctionUrlScenarios {

    @TempDir
    Path home;

    private ServedAws served;

    @BeforeEach
    void start() {
        served = ServedAws.start(home, Duration.ZERO);
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
