package io.lambdoku.local;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.url.FunctionUrlScenarios;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The URL scenarios against the local backend in-process, in a fresh store per test. */
class LocalFunctionUrlScenariosTest extends FunctionUrlScenarios {

    @TempDir
    Path home;

    private LocalLambda lambda;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    @Override
    protected LambdaApi api() {
        return lambda;
    }
}
