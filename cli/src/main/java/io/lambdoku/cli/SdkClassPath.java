package io.lambdoku.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher starts a command it expects to stay local without the AWS SDK's jar on the class path (./lambdoku
 * says why). A command that reaches the SDK anyway stops there, before any call of the aws backend, and runs again
 * through the launcher with LAMBDOKU_SDK=1, which puts the jar back. What the command read from standard input before
 * that is not there for the second run, which is why the launcher follows Session.backendName's rules to the letter.
 */
final class SdkClassPath {

    private static final String SDK_PACKAGE = "software/amazon/awssdk/";
    /** The launcher's own path, which it passes to the JVM it starts. */
    private static final String LAUNCHER = "LAMBDOKU_LAUNCHER";
    private static final String WITH_SDK = "LAMBDOKU_SDK";

    private SdkClassPath() {
    }

    /** Whether {@code e} names a class of the SDK, which this class path lacks. */
    static boolean isSdk(NoClassDefFoundError e) {
        String message = e.getMessage();
        return message != null && (message.startsWith(SDK_PACKAGE) || message.startsWith(SDK_PACKAGE.replace('/', '.')));
    }

    /** Runs {@code args} again through the launcher with the SDK, in this process's terminal; its exit code. */
    static int rerun(Map<String, String> env, String[] args) {
        String launcher = env.get(LAUNCHER);
        String withSdk = env.get(WITH_SDK);
        if (launcher == null || (withSdk != null && !withSdk.isEmpty())) { // the launcher did put it there: it is gone
            System.err.println("Error: this command needs the AWS SDK (cli/target/lambdoku-sdk.jar) on the class path;"
                    + " run it through the lambdoku launcher.");
            return ExitCodes.FAILURE;
        }
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(args));
        ProcessBuilder again = new ProcessBuilder(command).inheritIO();
        again.environment().put(WITH_SDK, "1");
        try {
            return again.start().waitFor();
        } catch (IOException e) {
            System.err.println("Error: cannot run " + launcher + " again with the AWS SDK: " + e.getMessage() + ".");
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
    }
}
