package io.lambdoku.local;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.ReleaseScenarios;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenarios while every update leaves LastUpdateStatus InProgress for a while, as real
 * Lambda does: operations must wait before publishing or writing again, never fail.
 */
class LocalReleaseScenariosWithUpdateDelayTest extends ReleaseScenarios {

    @TempDir
    Path home;

    private LocalLambda lambda;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ofMillis(150)));
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
