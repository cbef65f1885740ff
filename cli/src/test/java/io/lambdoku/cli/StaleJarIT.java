package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's stale-jar check runs beside the JVM's start and hands its answer over fd 3 (./lambdoku, StaleJar).
 * Here a shell plays the launcher's part, with a stand-in for the launcher that records how it was run again, so no
 * test rebuilds the checkout other tests are running from.
 */
class StaleJarIT {

    private final Path repo = Path.of(System.getProperty("lambdoku.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path scratch;

    @Test
    void aJarOlderThanASourceRunsTheLauncherAgainToBuildAndRunsNothingItself() throws Exception {
        Path record = scratch.resolve("record");
        Path launcher = standIn(record, 7);

        Run run = java("echo core/src/main/java/X.java", launcher, "config", "-a", "web");

        assertThat(run.exit).isEqualTo(7);
        assertThat(run.out).isEmpty();
        assertThat(Files.readAllLines(record)).containsExactly("config -a web", "check=now");
    }

    @Test
    void aFreshJarRunsTheCommandAndNeverTheLauncher() throws Exception {
        Path record = scratch.resolve("record");

        Run run = java("true", standIn(record, 7), "--version");

        assertThat(run.exit).isZero();
        assertThat(run.out).isEqualTo("lambdoku " + Main.VERSION + "\n");
        assertThat(record).doesNotExist();
    }

    @Test
    void aJvmNotToldOfThePipeIgnoresWhateverItsFd3Holds() throws Exception {
        // as a detached rollout driver: the environment is copied, the launcher's system property is not
        Path record = scratch.resolve("record");

        Run run = java("echo core/src/main/java/X.java", standIn(record, 7), false, "--version");

        assertThat(run.exit).isZero();
        assertThat(run.out).isEqualTo("lambdoku " + Main.VERSION + "\n");
        assertThat(record).doesNotExist();
    }

    /** A script in the launcher's place: writes its arguments and what it was told, then exits with {@code code}. */
    private Path standIn(Path record, int code) throws Exception {
        Path script = scratch.resolve("launcher");
        Files.writeString(script, "#!/usr/bin/env bash\n"
                + "{ echo \"$*\"; echo \"check=$LAMBDOKU_CHECK\"; } >'" + record + "'\n"
                + "exit " + code + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private record Run(int exit, String out) {
    }

    /** Our jar's Main with fd 3 reading what {@code finder} prints, as the launcher starts it. */
    private Run java(String finder, Path launcher, String... args) throws Exception {
        return java(finder, launcher, true, args);
    }

    private Run java(String finder, Path launcher, boolean told, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "exec 3< <(" + finder + "); exec \"$0\" " + (told ? "-Dlambdoku.staleFd=3" : "-Dnothing=0")
                + " -cp \"$1\" io.lambdoku.cli.Main \"${@:2}\"";
        List<String> argv = new java.util.ArrayList<>(List.of("bash", "-c", command, java,
                repo.resolve("cli/target/lambdoku.jar").toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("LAMBDOKU_LAUNCHER", launcher.toString());
        pb.environment().put("LAMBDOKU_HOME", scratch.resolve("home").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
