package io.lambdoku.aws;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * IAM is eventually consistent: a role created a moment ago is not yet assumable by Lambda, and
 * CreateFunction (or UpdateFunctionConfiguration with the new role) fails with "The role defined for
 * the function cannot be assumed by Lambda." for several seconds. Such calls are retried with backoff
 * for a bounded time; a role that never becomes assumable (a wrong trust policy) fails after it.
 */
final class RolePropagation {

    /** How long IAM usually takes is "a few seconds"; beyond this something else is wrong with the role. */
    static final Duration BOUND = Duration.ofSeconds(30);
    /** Pauses double from the first to the longest: 0.5, 1, 2, 4, 8, 8… s. No jitter: nothing races us for the role. */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);

    private final Consumer<Duration> sleep;

    RolePropagation() {
        this(RolePropagation::sleep);
    }

    /** {@code sleep} waits the given time; tests count it instead. */
    RolePropagation(Consumer<Duration> sleep) {
        this.sleep = sleep;
    }

    /**
     * Lambda answers every bad parameter with InvalidParameterValueException, so only its message tells
     * this transient refusal from a permanent one (the AWS Lambda troubleshooting guide quotes it).
     */
    static boolean notYetAssumable(AwsServiceException e) {
        if (!"InvalidParameterValueException".equals(AwsErrors.code(e))) {
            return false;
        }
        String message = e.awsErrorDetails().errorMessage();
        return message != null && message.contains("cannot be assumed by Lambda");
    }

    <T> T retry(String role, Supplier<T> call) {
        long waitedMs = 0;
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (!notYetAssumable(e)) {
                    throw e;
                }
                if (waitedMs >= BOUND.toMillis()) {
                    throw new InvalidParameterException("Lambda still cannot assume the role " + role + " after "
                            + BOUND.toSeconds() + " s; a new role reaches Lambda within seconds, so check that its trust "
                            + "policy lets lambda.amazonaws.com assume it (sts:AssumeRole) and try again.",
                            e.awsErrorDetails().errorMessage());
                }
                Duration pause = pauseBefore(attempt);
                sleep.accept(pause);
                waitedMs += pause.toMillis();
            }
        }
    }

    private static Duration pauseBefore(int attempt) {
        return Duration.ofMillis(Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempt, 16)));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for IAM to propagate a role", e);
        }
    }
}
