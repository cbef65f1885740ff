package io.lambdoku.aws;

import static io.lambdoku.core.rollout.RolloutStoreScenarios.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.RolloutJson;
import io.lambdoku.core.rollout.RolloutStore;
import io.lambdoku.core.rollout.RolloutStoreScenarios;
import io.lambdoku.core.rollout.StoredRollout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The rollout store scenarios against S3 conditional writes on moto_server, which honours If-None-Match and
 * If-Match as S3 does (412 PreconditionFailed), each racer with clients of its own as another process has; and
 * what only the bucket can show: a crash between keeping the history object and moving the slot, a missing
 * bucket, a slot object that is no rollout record.
 */
class S3RolloutStoreOnMotoIT extends RolloutStoreScenarios {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    private AwsLambda aws;
    private final List<AwsLambda> others = new ArrayList<>();

    @BeforeEach
    void fresh() {
        aws = AwsLambda.open(moto.options());
    }

    @AfterEach
    void close() {
        others.forEach(AwsLambda::close);
        aws.close();
    }

    @Override
    protected RolloutStore store() {
        return aws.rolloutStore();
    }

    @Override
    protected RolloutStore anotherProcess() {
        AwsLambda other = AwsLambda.open(moto.options());
        others.add(other);
        return other.rolloutStore();
    }

    @Test
    void aRolloutKeptButStillInItsSlotIsListedOnceAsTheSlotHasIt() {
        // a run that kept the slot's rollout in the history, then crashed or lost before the slot moved on
        StoredRollout r1 = store().create(pending("r1", "shop", "live", 0), Optional.empty()).orElseThrow();
        aws.clients().s3().putObject(b -> b.bucket(MotoServer.BUCKET).key(S3RolloutStore.historyKey(r1.rollout())),
                RequestBody.fromString(RolloutJson.write(r1.rollout())));
        StoredRollout progressed = store().replace(r1, r1.rollout().withPhase(Phase.SHIFTING)).orElseThrow();

        assertThat(store().history("shop", 10)).containsExactly(progressed.rollout());
    }

    @Test
    void withoutAnArtifactBucketRolloutsAskForSetup() {
        AwsOptions o = moto.options();
        try (AwsLambda noBucket = AwsLambda.open(new AwsOptions(o.region(), o.profile(), o.endpoint(), Optional.empty(), o.keys()))) {
            assertThatThrownBy(noBucket::rolloutStore).isInstanceOf(BackendException.class).hasMessageContaining("run 'lambdoku setup'");
        }
    }

    @Test
    void aSlotThatIsNoRolloutRecordIsNamedNotMisread() {
        aws.clients().s3().putObject(b -> b.bucket(MotoServer.BUCKET).key(S3RolloutStore.slot("shop", "live")),
                RequestBody.fromString("{\"hello\":1}"));

        assertThatThrownBy(() -> store().current("shop", "live")).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("The rollout record s3://" + MotoServer.BUCKET + "/lambdoku/rollouts/shop/live.json is not readable");
    }
}
