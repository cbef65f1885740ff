package io.lambdoku.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.event.Events;
import io.lambdoku.local.LocalLambda;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where bubblewrap is missing or cannot run, functions run as before, and lambdoku says so once. */
class LocalInvokerWithoutSandboxTest extends LocalInvokerTest {

    @Override
    LocalInvoker newInvoker(LocalLambda lambda) {
        return new LocalInvoker(lambda, Sandbox.none("bwrap is not installed", lambda.options().storeDir()), Events.NONE);
    }

    @Test
    void theUserIsToldOnceThatFunctionsAreNotIsolatedAndWhy() {
        List<String> told = new ArrayList<>();
        Events events = new Events() {
            @Override
            public void functionsNotIsolated(String reason) {
                told.add(reason);
            }
        };
        new LocalInvoker(lambda, Sandbox.none("bwrap is not installed", lambda.options().storeDir()), events).close();
        assertThat(told).containsExactly("bwrap is not installed");
    }
}
