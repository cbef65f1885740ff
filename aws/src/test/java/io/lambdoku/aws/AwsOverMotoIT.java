package io.lambdoku.aws;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.ReleaseScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The release scenarios through the aws adapter against moto_server, with the S3 artifact bucket that
 * rollback and promote need there (moto's Code.Location cannot be downloaded). Assertions moto cannot
 * honour are skipped by the hooks below, each naming the deviation.
 */
class AwsOverMotoIT extends ReleaseScenarios {

    private static MotoServer moto;

    private AwsLambda aws;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.startOrSkip();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void fresh() {
        moto.reset();
        aws = AwsLambda.open(moto.options());
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Override
    protected LambdaApi api() {
        return aws;
    }

    @Override
    protected String role() {
        return MotoServer.ROLE;
    }

    /** moto 5.2.1 returns RevisionId null on functions and never checks it. */
    @Override
    protected boolean enforcesRevisionId() {
        return false;
    }

    /** moto 5.2.1 accepts any RoutingConfig and deletes versions aliases still use. */
    @Override
    protected boolean validatesAliases() {
        return false;
    }
}
