package io.lambdoku.local.rollout;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.rollout.RolloutScenarios;
import io.lambdoku.core.rollout.RolloutStore;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The rollout driver's scenarios against the local backend and its rollout store, in a fresh store per test. */
class LocalRolloutScenariosTest extends RolloutScenarios {

    @TempDir
    Path home;

    private LocalLambda lambda;

    @AfterEach
    void close() {
        if (lambda != null) {
            lambda.close();
        }
    }

    /** Opened on first use: the scenarios' own @BeforeEach, which runs before any of this class's, needs it. */
    @Override
    protected LambdaApi api() {
        if (lambda == null) {
            lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        }
        return lambda;
    }

    @Override
    protected RolloutStore store() {
        api();
        return new LocalRolloutStore(lambda.database());
    }
}
