package io.lambdoku.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.UpdateStatus;
import io.lambdoku.core.release.UpdateWaiter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The same scenarios while every update leaves LastUpdateStatus InProgress for a while, as real
 * Lambda does: operations must wait before publishing or writing again, never fail.
 */
class LocalReleaseScenariosWithUpdateDelayTest extends LocalReleaseScenariosTest {

    @Override
    protected Duration updateDelay() {
        return Duration.ofMillis(150);
    }

    /** An update still in progress is the locked path's to wait for, even when it wrote the very values asked. */
    @Test
    void anUpdateInProgressIsNeverAnsweredByReading() {
        create("acc", "code");
        config().set("acc", Map.of("MODE", "fast"));
        FunctionConfig latest = api().getFunction("acc", FunctionConfig.LATEST);

        FunctionConfig updating = api().updateFunctionConfiguration("acc", latest.settings(), Optional.empty(),
                Optional.of(latest.revisionId()));

        assertThat(updating.lastUpdateStatus()).isEqualTo(UpdateStatus.IN_PROGRESS);
        assertThat(config().alreadySet("acc", Map.of("MODE", "fast"))).isEmpty();
        new UpdateWaiter(api(), Events.NONE).settled(updating);
        assertThat(config().alreadySet("acc", Map.of("MODE", "fast"))).isPresent();
    }
}
