package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Local commands start on a runtime the launcher links from the JDK with only the modules lambdoku loads; what runs
 * other code, a Java function, still gets the whole JDK.
 */
class LinkedRuntimeIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void localCommandsRunOnARuntimeLinkedFromTheJdkItNames() throws Exception {
        Path runtime = Path.of(JvmSettings.property(cli, "java.home", "--version"));
        Path jdk = Path.of(JvmSettings.property(cli, "lambdoku.jdk", "--version"));
        Path cache = cli.repo().resolve("cli/target/lambdoku-cache");

        assertThat(runtime).startsWith(cache).endsWith(Path.of("runtime"));
        assertThat(release(runtime, "JAVA_VERSION")).isEqualTo(release(jdk, "JAVA_VERSION"));
        assertThat(release(runtime, "MODULES")).contains("java.sql", "jdk.httpserver").doesNotContain("java.desktop");
        assertThat(release(jdk, "MODULES")).contains("java.desktop");
        // the aws backend's commands need the SDK's modules: they run on a JDK
        assertThat(Path.of(JvmSettings.property(cli, "java.home", "--backend", "aws", "--version")).startsWith(cache)).isFalse();
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
        Path jdk = Path.of(JvmSettings.property(cli, "lambdoku.jdk", "--version"));
        assertThat(answer).containsEntry("bean", "probe");
        assertThat(Path.of((String) answer.get("home")).toRealPath()).isEqualTo(jdk.toRealPath());
    }

    @Test
    void aJdkThatCannotLinkRunsLocalCommandsItselfAndAnUpdateInstalledInPlaceIsNoticed() throws Exception {
        Path real = Path.of(System.getProperty("java.home"));
        Path jdk = Files.createDirectories(scratch.resolve("jdk-without-jmods/bin")).getParent();
        Path java = jdk.resolve("bin/java"); // the JDK's java, run from a folder with no jlink beside it
        Files.writeString(java, "#!/bin/sh\nexec '" + real.resolve("bin/java") + "' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.copy(real.resolve("release"), jdk.resolve("release"));
        Path cache = scratch.resolve("cache");
        CliRunner on = cli.withEnv(Map.of("JAVA_HOME", jdk.toString(), "LAMBDOKU_CACHE", cache.toString()));

        assertThat(on.run("--version").succeeded().err()).contains("preparing fast start");
        on.run("create", "web").succeeded();
        assertThat(JSON.std.mapFrom(on.run("apps:info", "-a", "web", "--json").succeeded().out())).containsEntry("name", "web");
        assertThat(Path.of(JvmSettings.property(on, "java.home", "apps"))).isEqualTo(real);
        try (Stream<Path> dirs = Files.list(cache)) {
            Path dir = dirs.filter(d -> d.getFileName().toString().contains("-java")).findFirst().orElseThrow();
            assertThat(dir.resolve("lambdoku-local.jsa")).isRegularFile();
            assertThat(dir.resolve("runtime")).doesNotExist();
        }
        assertThat(on.run("--version").succeeded().err()).doesNotContain("preparing fast start");

        // an update installed in place names another build: the archives made for the one before are made again
        Files.writeString(jdk.resolve("release"), "JAVA_RUNTIME_VERSION=\"an update\"\n", StandardOpenOption.APPEND);
        assertThat(on.run("--version").succeeded().err()).contains("preparing fast start");
    }

    /** A value of a JDK's release file, unquoted. */
    private static String release(Path jdk, String key) throws IOException {
        return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).replace("\"", "")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + jdk.resolve("release")));
    }
}
