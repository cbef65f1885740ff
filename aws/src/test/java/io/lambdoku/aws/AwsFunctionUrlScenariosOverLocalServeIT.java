package io.lambdoku.aws;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.url.FunctionUrlScenarios;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The function URL scenarios through the aws adapter (the AWS SDK for Java) against local serve's
 * /2021-10-31 routes: the SDK reads the shapes and error codes the server answers, as it reads AWS's.
 */
class AwsFunctionUrlScenariosOverLocalServeIT extends FunctionUrlScenarios {

    @TempDir
    Path home;

    private AwsOverLocalServe served;

    @BeforeEach
    void start() {
        served = new AwsOverLocalServe(home, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Override
    protected LambdaApi api() {
        return served.aws;
    }
}
