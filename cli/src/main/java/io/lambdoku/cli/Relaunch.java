package io.lambdoku.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * This command line run again through the launcher, which named itself in LAMBDOKU_LAUNCHER, with one variable set
 * that makes it start the JVM otherwise (StaleJar: after a build; SdkClassPath: with the AWS SDK). The new run
 * shares this one's terminal; this one only waits for it and passes on its exit code.
 */
final class Relaunch {

    static final String LAUNCHER = "LAMBDOKU_LAUNCHER";

    private Relaunch() {
    }

    /** {@code why} completes "cannot run the launcher again …" when the launcher cannot be started. */
    static int run(Map<String, String> env, String[] args, String variable, String value, String why) {
        String launcher = env.get(LAUNCHER);
        if (launcher == null) {
            System.err.println("Error: cannot run lambdoku again " + why + ": it was not started by its launcher.");
            return ExitCodes.FAILURE;
        }
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(args));
        ProcessBuilder again = new ProcessBuilder(command).inheritIO();
        again.environment().put(variable, value);
        try {
            return again.start().waitFor();
        } catch (IOException e) {
            System.err.println("Error: cannot run " + launcher + " again " + why + ": " + e.getMessage() + ".");
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
    }
}
