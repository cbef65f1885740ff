package io.lambdoku.local;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the local backend keeps its state and how it behaves. {@code updateDelay} keeps
 * LastUpdateStatus InProgress for that long after each update, to exercise callers' waiting logic.
 */
public record LocalOptions(Path home, String region, Duration updateDelay) {

    public static final String ACCOUNT = "000000000000";

    /**
     * How long {@code local serve} keeps State Pending / LastUpdateStatus InProgress by default. Real
     * Lambda takes about a second for a zip function; a fifth of that is long enough that a client
     * which does not wait meets the 409 ResourceConflictException it would meet on AWS, and short
     * enough that clients that wait (SDK waiters, 'aws lambda wait') and test suites stay fast. The
     * in-process backend defaults to 0: the CLI waits for every change, and commands must stay quick.
     */
    public static final Duration SERVE_UPDATE_DELAY = Duration.ofMillis(200);

    /** The same store and region, with another update delay. */
    public LocalOptions withUpdateDelay(Duration delay) {
        return new LocalOptions(home, region, delay);
    }

    /** From LAMBDOKU_HOME (default ~/.lambdoku), AWS_REGION and LAMBDOKU_LOCAL_UPDATE_DELAY_MS. */
    public static LocalOptions fromEnvironment(Map<String, String> env) {
        String home = env.getOrDefault("LAMBDOKU_HOME", System.getProperty("user.home") + "/.lambdoku");
        String region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        String delayText = env.getOrDefault("LAMBDOKU_LOCAL_UPDATE_DELAY_MS", "0");
        if (!delayText.matches("[0-9]{1,7}")) {
            throw new InvalidParameterException("LAMBDOKU_LOCAL_UPDATE_DELAY_MS must be a whole number of milliseconds, not '"
                    + delayText + "'.");
        }
        long delay = Long.parseLong(delayText);
        return new LocalOptions(Path.of(home), region, Duration.ofMillis(delay));
    }

    public Path storeDir() {
        return home.resolve("local");
    }
}
