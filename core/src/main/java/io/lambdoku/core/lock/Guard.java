package io.lambdoku.core.lock;

import java.util.function.Supplier;

/**
 * Runs a writing operation on a function while holding that function's lock, so two writers of one
 * function never interleave. {@link #NONE} holds nothing (tests of the engine alone, read-only work).
 */
public interface Guard {

    Guard NONE = new Guard() {
        @Override
        public <T> T holding(String function, String operation, Supplier<T> work) {
            return work.get();
        }
    };

    /** Takes the function's lock (waiting or failing as configured), runs {@code work}, releases it. */
    <T> T holding(String function, String operation, Supplier<T> work);
}
