package io.lambdoku.local.runtime;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** java* functions run in a JVM on this machine with {@link JavaBootstrap}, the function's classes and lib/*.jar. */
final class JavaRuntime {

    private JavaRuntime() {
    }

    static List<String> command(Path taskRoot) {
        String ours = ours().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        String classPath = String.join(File.pathSeparator, taskRoot.toString(), taskRoot.resolve("lib").toString() + "/*", ours);
        return List.of(HostJdk.java().toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", classPath,
                JavaBootstrap.class.getName());
    }

    /** The JVM and the classes of the runtime client, which a sandbox must show the function. */
    static List<Path> needs() {
        List<Path> needs = new java.util.ArrayList<>(List.of(HostJdk.java()));
        needs.addAll(ours());
        return needs;
    }

    /**
     * Where JavaBootstrap and jackson-jr (objects and core) come from: the shaded jar, or a build's
     * classes and jars. Only these, not lambdoku's whole class path, so a function's own libraries
     * never meet lambdoku's (sqlite, picocli, the AWS SDK).
     */
    private static List<Path> ours() {
        Set<Path> sources = new LinkedHashSet<>();
        for (Class<?> c : List.of(JavaBootstrap.class, com.fasterxml.jackson.jr.ob.JSON.class,
                com.fasterxml.jackson.core.JsonFactory.class)) {
            try {
                sources.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from", e);
            }
        }
        return List.copyOf(sources);
    }
}
