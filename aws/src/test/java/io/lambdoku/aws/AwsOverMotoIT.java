package io.lambdoku.aws;

import org.junit.jupiter.api.extension.RegisterExtension;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.ReleaseScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The release scenarios through the aws adapter against moto_server, with the S3 artifact bucket that
 * rollback and promote need there (moto's Code.Location cannot be downloaded). Assertions moto cannot
 * honour are skipped by the hooks below, each naming the deviation.
 */
class AwsOverMotoIT extends ReleaseScenarios {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    private AwsLambda aws;

    @BeforeEach
    void fresh() {
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

    /**
     * moto 5.2.1 drops KMSKeyArn (never stored nor returned), so the at-rest key scenarios cannot run here; the
     * adapter's requests are checked by AwsKmsKeyArnRequestsTest instead.
     */
    @Override
    protected java.util.Optional<String> atRestKey() {
        return java.util.Optional.empty();
    }

    /** moto 5.2.1 accepts any RoutingConfig and deletes versions aliases still use. */
    @Override
    protected boolean validatesAliases() {
        return false;
    }
}
