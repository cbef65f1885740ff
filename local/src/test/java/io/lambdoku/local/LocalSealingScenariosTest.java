package io.lambdoku.local;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.secret.Kms;
import io.lambdoku.local.kms.LocalKms;
import io.lambdoku.core.secret.SealingScenarios;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The sealing scenarios against the local backend in-process, in a fresh store per test. */
class LocalSealingScenariosTest extends SealingScenarios {

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

    /** The local KMS itself, not the scenarios' in-memory one: what the local backend's users seal with. */
    @Override
    protected Kms kms() {
        return new LocalKms(lambda);
    }
}
