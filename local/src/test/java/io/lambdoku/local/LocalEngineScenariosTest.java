package io.lambdoku.local;

import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.plan.EngineScenarios;
import io.lambdoku.local.infra.LocalInfra;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The deploy engine's scenarios against the local backend and its Infra, in a fresh store per test. */
class LocalEngineScenariosTest extends EngineScenarios {

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

    @Override
    protected Infra infra() {
        return new LocalInfra(lambda);
    }
}
