package io.lambdoku.local.runtime;

import java.util.List;
import java.util.Optional;

/**
 * How one invocation ended in its environment: the payload (the response, or Lambda's error JSON),
 * the function error kind if it failed ("Unhandled"), whether the environment is now unusable, the
 * log lines it printed, its init and run times, and the process's peak memory.
 */
record Outcome(byte[] payload, Optional<String> functionError, boolean environmentLost, List<String> log,
               double initMs, double durationMs, int maxMemoryMb) {
}
