package io.lambdoku.local.runtime;

import java.nio.file.Path;

/**
 * The JDK lambdoku was started from. The launcher runs local commands on a runtime it linked from that JDK with only
 * the modules lambdoku loads, and names the JDK in {@code lambdoku.jdk}: a JVM started for other code (a Java function,
 * whose classes may need any module) or without lambdoku's archive starts from the JDK itself.
 */
public final class HostJdk {

    private HostJdk() {
    }

    /** Its {@code bin/java}. */
    public static Path java() {
        return Path.of(System.getProperty("lambdoku.jdk", System.getProperty("java.home")), "bin", "java");
    }
}
