package io.lambdoku.local;

import java.time.Duration;

/**
 * The same scenarios while every update leaves LastUpdateStatus InProgress for a while, as real
 * Lambda does: operations must wait before publishing or writing again, never fail.
 */
class LocalReleaseScenariosWithUpdateDelayTest extends LocalReleaseScenariosTest {

    @Override
    protected Duration updateDelay() {
        return Duration.ofMillis(150);
    }
}
