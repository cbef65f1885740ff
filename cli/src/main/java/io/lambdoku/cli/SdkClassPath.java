package io.lambdoku.cli;

import java.util.Map;

/**
 * The launcher starts a command it expects to stay local without the AWS SDK's jar on the class path (./lambdoku
 * says why). A command that reaches the SDK anyway stops there, before any call of the aws backend, and runs again
 * through the launcher with LAMBDOKU_SDK=1, which puts the jar back. What the command read from standard input before
 * that is not there for the second run, which is why the launcher follows Session.backendName's rules to the letter.
 */
final class SdkClassPath {

    private static final String SDK_PACKAGE = "software/amazon/awssdk/";
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
        String withSdk = env.get(WITH_SDK);
        if (env.get(Relaunch.LAUNCHER) == null || (withSdk != null && !withSdk.isEmpty())) { // it was there: it is gone
            System.err.println("Error: this command needs the AWS SDK (cli/target/lambdoku-sdk.jar) on the class path;"
                    + " run it through the lambdoku launcher.");
            return ExitCodes.FAILURE;
        }
        return Relaunch.run(env, args, WITH_SDK, "1", "with the AWS SDK");
    }
}
