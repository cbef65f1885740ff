package io.lambdoku.local.runtime;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** java* functions run in a JVM on this machine with {@link JavaBootstrap}, the function's classes and lib/*.jar. */
final class JavaRuntime {

    private JavaRuntime() {
    }

    static List<String> command(Path taskRoot) {
        // our own class path holds JavaBootstrap and jackson-jr, whether we run from the shaded jar or a build
        String ours = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = String.join(File.pathSeparator, taskRoot.toString(), taskRoot.resolve("lib").toString() + "/*", ours);
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", classPath,
                JavaBootstrap.class.getName());
    }
}
