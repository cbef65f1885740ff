package io.lambdoku.local;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.ReleaseScenarios;
import io.lambdoku.local.kms.LocalKms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The release scenarios against the local backend in-process, in a fresh store per test. */
class LocalReleaseScenariosTest extends ReleaseScenarios {

    @TempDir
    Path home;

    private LocalLambda lambda;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", updateDelay()));
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    protected Duration updateDelay() {
        return Duration.ZERO;
    }

    @Override
    protected LambdaApi api() {
        return lambda;
    }

    @Override
    protected Optional<String> atRestKey() {
        return Optional.of(new LocalKms(lambda).createKey("alias/at-rest", "the scenarios' at-rest key"));
    }
}
