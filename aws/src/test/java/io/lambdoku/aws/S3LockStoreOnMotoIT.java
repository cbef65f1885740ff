package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lock.LockStore;
import io.lambdoku.core.lock.LockStoreScenarios;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lock scenarios against S3 conditional writes on moto_server: PutObject If-None-Match / If-Match and
 * DeleteObject If-Match, which moto 5.2.1 honours as S3 does (412 PreconditionFailed, 404 NoSuchKey).
 */
class S3LockStoreOnMotoIT extends LockStoreScenarios {

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
    protected LockStore store() {
        return aws.lockStore();
    }

    @Override
    protected Activity activity() {
        return aws.activity();
    }

    @Test
    void withoutAnArtifactBucketLocksAskForSetup() {
        AwsOptions o = moto.options();
        try (AwsLambda noBucket = AwsLambda.open(new AwsOptions(o.region(), o.profile(), o.endpoint(), Optional.empty(), o.keys()))) {
            assertThatThrownBy(noBucket::lockStore).isInstanceOf(BackendException.class).hasMessageContaining("run 'lambdoku setup'");
        }
    }

    @Test
    void aMissingBucketIsAnErrorNotALockHeldBySomeone() {
        AwsOptions o = moto.options();
        try (AwsLambda gone = AwsLambda.open(o.withArtifactBucket(Optional.of("no-such-bucket-here")))) {
            assertThatThrownBy(() -> gone.lockStore().read("shop")).isInstanceOf(BackendException.class)
                    .hasMessageContaining("lambdoku setup");
            assertThat(gone.lockStore()).isNotNull();
        }
    }
}
