package io.lambdoku.aws;

import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.secret.Kms;
import io.lambdoku.core.secret.SealingScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sealing scenarios through the aws adapter and AwsKms against moto_server, whose KMS honours the encryption
 * context: seal, unseal, rekey, rollback and promote each as one release, as on the local backend.
 */
class AwsSealingScenariosOnMotoIT extends SealingScenarios {

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
    protected Kms kms() {
        return aws.kms();
    }

    /** moto 5.2.1 returns RevisionId null on functions and never checks it. */
    @Override
    protected boolean enforcesRevisionId() {
        return false;
    }

    @Override
    protected String role() {
        return MotoServer.ROLE;
    }
}
