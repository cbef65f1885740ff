package io.lambdoku.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The launcher's check for sources newer than the jar runs beside the JVM's start (./lambdoku says why): it hands the
 * JVM a pipe on which find names the first newer source, if any, and names its descriptor in a system property (not
 * the environment: a JVM this one starts, such as a detached rollout driver, must not read a descriptor it lacks).
 * This JVM, started from a stale jar, must not run the command: it runs the launcher again with LAMBDOKU_CHECK=now,
 * which builds before it starts a JVM.
 */
final class StaleJar {

    private static final String FD = "lambdoku.staleFd";

    private StaleJar() {
    }

    /** Whether the launcher's find named a source newer than the jar; waits for it to finish. */
    static boolean found() {
        String fd = System.getProperty(FD);
        if (fd == null || fd.isEmpty()) {
            return false;
        }
        try (InputStream pipe = new FileInputStream("/dev/fd/" + fd)) {
            return pipe.read() >= 0;
        } catch (IOException e) {
            return false; // no pipe (a JVM started otherwise): nothing to say the jar is stale
        }
    }

    /** Runs {@code args} through the launcher again, which builds first; its exit code. */
    static int rebuildAndRun(Map<String, String> env, String[] args) {
        return Relaunch.run(env, args, "LAMBDOKU_CHECK", "now", "to rebuild it");
    }
}
