package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local commands start on a runtime the launcher links from the JDK with only the modules lambdoku loads (JDK 17-24);
 * what runs other code, a Java function, still gets the whole JDK.
 */
class LinkedRuntimeIT {

    private static final Path JDK = Path.of(System.getProperty("java.home")); // the java on PATH here, as the launcher finds

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Runtime.version().feature() < 25, "a JDK 25+ keeps local commands on an AOT cache of its own");
        cli = new CliRunner(scratch);
    }

    @Test
    void localCommandsRunOnARuntimeLinkedFromTheJdkItNames() throws Exception {
        assumeTrue(Files.isExecutable(JDK.resolve("bin/jlink")) && Files.isDirectory(JDK.resolve("jmods")), "no jlink here");
        Path runtime = Path.of(JvmSettings.property(cli, "java.home", "--version"));
        Path jdk = Path.of(JvmSettings.property(cli, "lambdoku.jdk", "--version"));
        Path cache = cli.repo().resolve("cli/target/lambdoku-cache");

        // beside the per-build folders, not in one: a rebuild removes the old build's, and a running local serve spawns
        // its functions through the runtime it started on
        assertThat(runtime.getParent()).isEqualTo(cache);
        assertThat(jdk).isEqualTo(JDK);
        assertThat(release(runtime, "JAVA_VERSION")).isEqualTo(release(jdk, "JAVA_VERSION"));
        assertThat(release(runtime, "MODULES")).contains("java.sql", "jdk.httpserver").doesNotContain("java.desktop");
        assertThat(release(jdk, "MODULES")).contains("java.desktop");
        // the JDK's own settings and trust store (a distribution keeps them in /etc), not jlink's copies
        assertThat(runtime.resolve("lib/security").toRealPath()).isEqualTo(jdk.resolve("lib/security").toRealPath());
        assertThat(runtime.resolve("conf").toRealPath()).isEqualTo(jdk.resolve("conf").toRealPath());
        // the aws backend's commands get the modules the SDK needs: on this JDK, or on a JDK 25+ beside it (linked too)
        Path aws = Path.of(JvmSettings.property(cli, "java.home", "--backend", "aws", "--version"));
        assertThat(release(aws, "MODULES")).contains("java.desktop", "java.xml", "java.naming");
        // LAMBDOKU_NO_CDS: the JDK itself, for a JVM option that needs a module the runtime lacks
        assertThat(Path.of(JvmSettings.property(cli.withEnv(Map.of("LAMBDOKU_NO_CDS", "1")), "java.home", "--version")))
                .isEqualTo(JDK);
    }

    @Test
    void aJavaFunctionRunsOnTheJdkWithEveryModule() throws Exception {
        Path app = Files.createDirectories(scratch.resolve("probe/src/probe"));
        Files.writeString(app.resolve("Probe.java"), """
                package probe;

                import java.util.Map;

                public class Probe {
                    public Map<String, String> handleRequest(Map<String, Object> event, Object context) {
                        return Map.of("home", System.getProperty("java.home"),
                                "bean", java.beans.Introspector.decapitalize("Probe"));
                    }
                }
                """);
        Files.writeString(scratch.resolve("probe/lambdoku.json"), """
                {"name": "probe", "runtime": "java17", "handler": "probe.Probe::handleRequest",
                 "build": "javac --release 17 -d . src/probe/Probe.java", "include": ["probe/**"]}
                """);
        cli.run("deploy", scratch.resolve("probe").toString()).succeeded();

        Map<String, Object> answer = JSON.std.mapFrom(cli.run("invoke", "-a", "probe").succeeded().out());
        assertThat(answer).containsEntry("bean", "probe");
        assertThat(Path.of((String) answer.get("home")).toRealPath()).isEqualTo(JDK.toRealPath());
    }

    @Test
    void aJdkThatCannotLinkRunsLocalCommandsItself() throws Exception {
        Path jdk = jdkOfWrappers("jdk-without-jmods", "java");
        Path cache = scratch.resolve("cache");
        CliRunner on = cli.withEnv(Map.of("JAVA_HOME", jdk.toString(), "LAMBDOKU_CACHE", cache.toString()));

        assertThat(on.run("--version").succeeded().err()).contains("preparing fast start");
        on.run("create", "web").succeeded();
        assertThat(JSON.std.mapFrom(on.run("apps:info", "-a", "web", "--json").succeeded().out())).containsEntry("name", "web");
        assertThat(Path.of(JvmSettings.property(on, "java.home", "apps"))).isEqualTo(JDK);
        try (Stream<Path> dirs = Files.list(cache)) {
            assertThat(dirs.map(d -> d.getFileName().toString())).noneMatch(n -> n.startsWith("runtime-"));
        }
        assertThat(on.run("--version").succeeded().err()).doesNotContain("preparing fast start");
    }

    @Test
    void anUpdateOfTheJdkInstalledInPlaceGetsARuntimeLinkedFromIt() throws Exception {
        assumeTrue(Files.isExecutable(JDK.resolve("bin/jlink")) && Files.isDirectory(JDK.resolve("jmods")), "no jlink here");
        Path jdk = jdkOfWrappers("jdk-updated-in-place", "java", "jlink");
        CliRunner on = cli.withEnv(Map.of("JAVA_HOME", jdk.toString(), "LAMBDOKU_CACHE", scratch.resolve("cache").toString()));
        assertThat(on.run("--version").succeeded().err()).contains("preparing fast start");
        Path before = Path.of(JvmSettings.property(on, "java.home", "--version"));
        assertThat(before.getFileName().toString()).startsWith("runtime-");

        // the update names another build in the release file: archives and runtime are made again, from it
        Files.writeString(jdk.resolve("release"), "JAVA_RUNTIME_VERSION=\"an update\"\n", StandardOpenOption.APPEND);
        assertThat(on.run("--version").succeeded().err()).contains("preparing fast start");
        Path after = Path.of(JvmSettings.property(on, "java.home", "--version"));
        assertThat(after.getFileName().toString()).startsWith("runtime-");
        assertThat(after).isNotEqualTo(before);
        assertThat(on.run("--version").succeeded().err()).doesNotContain("preparing fast start");
    }

    /** A JDK folder whose {@code tools} run the JDK's own, with its release file: what jlink and the JVM need of it. */
    private Path jdkOfWrappers(String name, String... tools) throws IOException {
        Path jdk = Files.createDirectories(scratch.resolve(name).resolve("bin")).getParent();
        for (String tool : tools) {
            Path wrapper = jdk.resolve("bin").resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nexec '" + JDK.resolve("bin").resolve(tool) + "' \"$@\"\n");
            assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        }
        Files.copy(JDK.resolve("release"), jdk.resolve("release"));
        return jdk;
    }

    /** A value of a JDK's release file, unquoted. */
    private static String release(Path jdk, String key) throws IOException {
        return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).replace("\"", "")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + jdk.resolve("release")));
    }
}
